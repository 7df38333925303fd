/// The findings about what public output would show that the analysts may not mean to publish: a
/// private value, project or note named in a public text (`PublishedPrivateValueRule`), a value
/// another project keeps private recorded public (`PrivateElsewhereRule`), a public text marked
/// above TLP:CLEAR (`PublicProjectTLPRule`), a starter note's placeholder (`StarterNoteRule`). A
/// public build or report says them whole, where it only counts other warnings: the reader of
/// its output is the one they concern.
public enum PublicationRisk {
    public static let codes: Set<String> = [PublishedPrivateValueRule.code, PrivateElsewhereRule.code, PublicProjectTLPRule.code, StarterNoteRule.code]

    public static func concerns(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.code.map(codes.contains) ?? false
    }
}
