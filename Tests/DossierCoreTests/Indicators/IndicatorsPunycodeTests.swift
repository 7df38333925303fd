import Testing
@testable import DossierCore

@Suite("Punycode")
struct IndicatorsPunycodeTests {
    /// RFC 3492 §7.1 samples and well-known IDN labels.
    @Test("encodes and decodes", arguments: [
        ("bücher", "bcher-kva"),
        ("münchen", "mnchen-3ya"),
        ("пример", "e1afmkfd"),
        ("例え", "r8jz45g"),
        ("テスト", "zckzah"),
        ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
        ("ليهمابتكلموشعربي؟", "egbpdaj6bu4bxfgehfvwxn"),
        ("Pročprostěnemluvíčesky", "Proprostnemluvesky-uyb24dma41a"),
        ("abc", "abc-"),
    ])
    func roundTrip(_ unicode: String, _ encoded: String) {
        #expect(Punycode.encode(unicode) == encoded)
        #expect(Punycode.decode(encoded[...].utf8) == unicode)
    }

    @Test("rejects what is not Punycode", arguments: ["99999999999", "!!", "zz", "ab-c!"])
    func invalid(_ encoded: String) {
        #expect(Punycode.decode(encoded[...].utf8) == nil)
    }
}
