import DossierCore
import DossierTestSupport
import Testing

@Suite("Indicator values as the loader checks them")
struct IndicatorValueCheckTests {
    @Test("a value with blanks around it is said to have them, not to be defanged")
    func blanksAroundAValue() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", indicators: #"{ "indicators": [ { "value": " 9.9.9.9\n", "type": "ipv4" } ] }"#)
        let found = workspace.check().rendered(relativeTo: workspace.root)
        #expect(found.contains { $0.contains(#"ipv4 " 9.9.9.9\n" has blanks or line breaks around it; `dossier fmt` rewrites it as "9.9.9.9""#) }, "\(found)")
    }
}
