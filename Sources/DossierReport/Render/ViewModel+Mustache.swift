import DossierCore
import Mustache

// Templates read view models through `child(named:)`: a switch is much faster than the Mirror
// lookup swift-mustache falls back to, which matters for pages with tens of thousands of rows.
// The names here are the variables a template may use (documented in templates/README.md).

extension ProjectReport: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "workspaceTitle": workspaceTitle
        case "slug": slug
        case "title": title
        case "audience": audience
        case "tlp": tlp
        case "status": status
        case "created": created
        case "updated": updated
        case "owner": owner
        case "visibility": visibility
        case "isPrivate": visibility == Visibility.private.rawValue
        case "projectTags": projectTags.isEmpty ? nil : projectTags
        case "hasProjectTags": !projectTags.isEmpty
        case "summaryHTML": summaryHTML
        case "summaryMarkdown": summaryMarkdown
        case "total": ShownCount(total)
        case "hasIndicators": total > 0
        case "classificationCounts": classificationCounts
        case "typeCounts": typeCounts
        case "tagCounts": tagCounts.isEmpty ? nil : tagCounts
        case "chartHeight": classificationCounts.count * 26
        case "classificationGroups": classificationGroups
        case "tagGroups": tagGroups
        case "notes": notes.isEmpty ? nil : notes
        case "links": links
        case "withClassification": true
        case "withAlsoSeen": withAlsoSeen
        case "generator": generator
        default: nil
        }
    }
}

extension ProjectReport.SiteLinks: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "index": index
        case "markdown": markdown
        case "exports": exports
        default: nil
        }
    }
}

extension ProjectReport.ExportLink: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        default: nil
        }
    }
}

extension TLPBanner: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "key": key
        case "label": label
        case "meaning": meaning
        case "reason": reason
        case "ownLabel": ownLabel
        default: nil
        }
    }
}

extension AudienceBanner: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "key": key
        case "label": label
        case "isInternal": isInternal
        case "notice": notice
        default: nil
        }
    }
}

extension CountRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "key": key
        case "label": label
        case "count": ShownCount(count)
        case "percent": percent
        case "share": share
        case "bar": bar
        case "barWidth": bar * 3
        case "countX": 110 + bar * 3 + 8
        case "rectY": y + 4
        case "textY": y + 17
        default: nil
        }
    }
}

extension IndicatorGroup: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "key": key
        case "title": title
        case "description": description
        case "anchor": anchor
        case "rows": rows
        case "renderedRows": renderedRows
        case "count": ShownCount(count)
        case "classification": classification
        case "acrossHref": acrossHref
        case "isPrivate": isPrivate
        case "hidden": ShownCount(hidden)
        case "isCut": hidden > 0
        case "shownCount": ShownCount(rows.count)
        case "restHref": restHref
        default: nil
        }
    }
}

extension IndicatorRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "valueCode": MarkdownCode.span(value)
        case "type": type
        case "classification": classification
        case "classificationLabel": classificationLabel
        case "tags": tags.isEmpty ? nil : tags
        case "tagList": tags.joined(separator: ", ")
        case "tagLinks": tagLinks.isEmpty ? nil : tagLinks
        case "firstSeen": firstSeen
        case "lastSeen": lastSeen
        case "comment": comment
        case "source": source
        case "isPrivate": isPrivate
        case "alsoSeenIn": alsoSeenIn.isEmpty ? nil : alsoSeenIn
        case "project": project
        case "rendered": rendered
        default: nil
        }
    }
}

extension TagLink: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": href
        default: nil
        }
    }
}

extension ProjectLink: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "slug": slug
        case "title": title
        case "href": href
        case "otherClassification": otherClassification
        case "otherClassificationLabel": otherClassificationLabel
        case "isPrivateThere": isPrivateThere
        case "privateLabel": privateLabel
        default: nil
        }
    }
}

extension NoteView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "author": author
        case "date": date
        case "anchor": anchor
        case "html": html
        case "markdown": markdown
        case "isPrivate": isPrivate
        default: nil
        }
    }
}

extension SiteIndexPage: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "workspaceTitle": workspaceTitle
        case "audience": audience
        case "tlp": tlp
        case "projects": projects.isEmpty ? nil : projects
        case "projectCount": ShownCount(projects.count)
        case "projectCountText": counted(projects.count, "project")
        case "total": ShownCount(total)
        case "totalText": counted(total, "indicator")
        case "classificationCounts": classificationCounts
        case "chartHeight": classificationCounts.count * 26
        case "classifications": classifications
        case "tags": tags.isEmpty ? nil : tags
        case "generator": generator
        default: nil
        }
    }
}

extension SiteIndexPage.ProjectSummary: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "slug": slug
        case "title": title
        case "href": href
        case "tlp": tlp
        case "status": status
        case "updated": updated
        case "total": ShownCount(total)
        case "counts": counts
        case "projectTags": tags.isEmpty ? nil : tags
        case "isPrivate": isPrivate
        default: nil
        }
    }
}

extension SiteIndexPage.TagSummary: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": shownName
        case "description": shownDescription
        case "count": ShownCount(count)
        case "href": href
        case "isPrivate": isPrivate
        default: nil
        }
    }
}

extension SiteIndexPage.ClassificationSummary: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "key": key
        case "label": label
        case "count": ShownCount(count)
        case "href": href
        default: nil
        }
    }
}

extension ListingPage: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "workspaceTitle": workspaceTitle
        case "audience": audience
        case "tlp": tlp
        case "kind": kind
        case "title": title
        case "description": description
        case "classification": classification
        case "isPrivateTag": isPrivateTag
        case "total": total.map(ShownCount.init)
        case "totalText": total.map { counted($0, "indicator") }
        case "projectCount": projectCount.map(ShownCount.init)
        case "projectCountText": projectCount.map { counted($0, "project") }
        case "groups": groups
        // The page's rows whole, for a template of the workspace's that shows them in one table.
        case "rows": rows
        case "renderedRows": groups.allSatisfy { $0.renderedRows != nil } ? groups.compactMap(\.renderedRows).joined(separator: "\n") : nil
        case "page": ShownCount(page)
        case "pageCount": ShownCount(pageCount)
        case "pages": isPaginated ? pages : nil
        case "previous": previous
        case "next": next
        case "firstRow": ShownCount(firstRow)
        case "lastRow": ShownCount(lastRow)
        case "isPaginated": isPaginated
        case "withClassification": withClassification
        case "withAlsoSeen": false
        case "generator": generator
        default: nil
        }
    }
}

extension ListingPage.Group: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "project": project
        case "anchor": anchor
        case "tlp": tlp
        case "total": ShownCount(total)
        case "totalText": counted(total, "indicator")
        case "firstRow": ShownCount(firstRow)
        case "lastRow": ShownCount(lastRow)
        case "isPartial": isPartial
        case "rows": rows
        // When nil, Mustache looks in the page, whose rows are then not rendered either.
        case "renderedRows": renderedRows
        default: nil
        }
    }
}

extension ListingPage.PageLink: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "number": ShownCount(number)
        case "href": href
        case "isCurrent": isCurrent
        case "isGap": isGap
        default: nil
        }
    }
}

/// "1 indicator", "3 indicators": a count as a page says it.
private func counted(_ count: Int, _ noun: String) -> String {
    "\(count.grouped) \(noun)\(count == 1 ? "" : "s")"
}
