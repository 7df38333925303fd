/// The peer site's configuration and minimal layouts: project pages, the home and section lists,
/// the tag index and one page per tag (Hugo's taxonomy and term templates).
enum HugoLayouts {
    static func config(title: String) -> String {
        """
        baseURL = "https://bench.example/"
        title = "\(title)"
        disableKinds = ["RSS", "sitemap", "robotsTXT"]
        [taxonomies]
          tag = "tags"
        [markup.goldmark.renderer]
          unsafe = false

        """
    }

    static let head = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
        <style>body{font-family:sans-serif;max-width:70em;margin:auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style>
        </head><body><p><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a> · <a href="{{ "/tags/" | relURL }}">tags</a></p>
        """

    static let templates: [(String, String)] = [
        ("single.html", head + """
            <h1>{{ .Title }}</h1>
            <p>{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
            {{ .Content }}
            </body></html>

            """),
        ("list.html", head + """
            <h1>{{ .Title }}</h1>
            <ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
            </body></html>

            """),
        ("taxonomy.html", head + """
            <h1>{{ .Title }}</h1>
            <ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
            </body></html>

            """),
        ("term.html", head + """
            <h1>Tag: {{ .Title }}</h1>
            <ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
            </body></html>

            """),
    ]
}
