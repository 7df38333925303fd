import DossierCore
import Testing

@Suite("Character references, as CommonMark shows them")
struct CharacterReferencesTests {
    @Test("numeric, ASCII, Latin-1 letter and invisible named references are decoded; others, and what is no reference, are left as written")
    func decodes() {
        #expect(CharacterReferences.decoded("198&#46;51&#x2E;100&#X2e;7 at vpn&period;acme&commat;x &sol;") == "198.51.100.7 at vpn.acme@x /")
        #expect(CharacterReferences.decoded("m&uuml;nchen caf&eacute; &Oslash; &yuml; vpn&shy;acme&zwj;x a&nbsp;b") == "münchen café Ø ÿ vpn\u{AD}acme\u{200D}x a b")
        #expect(CharacterReferences.decoded("&times; &divide; &euro; &#; &#x; &period &unknown; & amp; &#12345678;") == nil)
        #expect(CharacterReferences.decoded("a&#0;b&#xD800;c&#10;d&NewLine;e") == "a\u{FFFD}b\u{FFFD}c d e")
        #expect(CharacterReferences.decoded("no reference here") == nil)
    }
}
