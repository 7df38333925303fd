/// Another tool's way (or a misspelling) of keeping a note or an indicator unpublished, in a
/// field dossier does not read (`draft: true`, `"tlp": "red"`, `"Private": true`): taken at its
/// word, so that no public site shows what its author thought hidden. One rule for notes' front
/// matter and indicators' fields.
public enum HidingKeys {
    /// True when an unknown key (or one with another tool's prefix, `x-tlp`, `is_private`) says a
    /// note or an indicator is not for publication: `draft`, `private`,
    /// `hidden` and the like not set to a plain no, `published`, `publish`, `public` or `shared` set to a plain no, a
    /// `tlp` other than clear, an `audience` other than public, a `visibility`, `sharing`,
    /// `access` or `sensitivity` that keeps it in (`private`, `analyst`, `internal`, `restricted`,
    /// `confidential`), any key whose value names a TLP
    /// other than clear (`marking: "TLP:RED"`, or `marking: RED` for a key that holds only markings;
    /// a list's items are asked by the caller), a `visibility` (an indicator and a tag have no
    /// such field), or a misspelled one (`visiblity`), of anything but an open level (`public`).
    /// A value that is no single scalar counts as hiding: the safe side.
    public static func meansHidden(key: String, value: String?, near: String?) -> Bool {
        let value = value.map { Tag.key($0).trimmingCharacters(in: .whitespaces) }
        let no = ["false", "no", "off", "0"]
        // Another tool's prefix says the same (`x-tlp`, `x_marking`, `is_private`).
        // `Traffic Light Protocol: RED` as a key of its own is `tlp: red`.
        // Compared as tags are (`Tag.key`: case, compatibility forms such as a full-width
        // `ｐｒｉｖａｔｅ` or a mathematical `𝐯𝐢𝐬𝐢𝐛𝐢𝐥𝐢𝐭𝐲`, invisible characters), and without the
        // marks case folding leaves on a letter (`İ` folds to `i` and a combining dot).
        let folded = String(String.UnicodeScalarView(Tag.key(key).unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }))
        var name = TLP.withShortName(folded.trimmingCharacters(in: .whitespaces))
        for prefix in ["x-", "x_", "is_", "is-", "_"] where name.hasPrefix(prefix) && name.count > prefix.count {
            name.removeFirst(prefix.count)
            break
        }
        // Words joined any way are one name (`do_not_share`, `internal-only`, `private_`).
        name.removeAll { $0 == "_" || $0 == "-" || $0 == " " }
        // MISP's CSV export with context: the distribution of the attribute's event.
        if name == "eventdistribution" { name = "distribution" }
        // `isPrivate`, `isPublic`: the prefix run into the name.
        if name.hasPrefix("is"), hidingFlags.contains(String(name.dropFirst(2))) || publishingFlags.contains(String(name.dropFirst(2))) {
            name.removeFirst(2)
        }
        // A misspelled `private` set to a yes (`privat: true`, `"pirvate": 1`) means what
        // `private` means, for a note as for an indicator; `privacy: public` is another word.
        if name != "private", !hidingFlags.contains(name), !publishingFlags.contains(name),
           Vocabulary.isOneEditApart(Array(name.unicodeScalars), Array("private".unicodeScalars)),
           let value, ["true", "yes", "1", "on", "y"].contains(value) {
            return true
        }
        // A level of access that keeps it in (PassiveTotal's `analyst`, `internal`, `restricted`).
        let keptIn = ["private", "analyst", "internal", "restricted", "confidential", "secret", "sensitive"]
        let words = value.map { $0.split(whereSeparator: { !$0.isLetter }).map(String.init) } ?? []
        // A flag whose name says it keeps the thing in (`keep-private`, `isConfidential`), set to
        // a yes; an embargo (`embargo`, `embargoUntil`) set to anything but a plain no (a date).
        // Not a measure named after one (`confidentialityImpact: high`, a CVSS field), nor an
        // embargo said over (`embargoLifted`).
        let yes = ["true", "yes", "1", "on", "y"]
        if !publishingFlags.contains(name), hidingStems.contains(where: name.contains), value.map(yes.contains) ?? true {
            return true
        }
        if ["embargo", "embargoed", "embargountil", "embargodate", "embargoeduntil"].contains(name), let value, !no.contains(value), !keptOpen.contains(value) {
            return true
        }
        switch name {
        case "visibility", "sharing", "access", "sensitivity", "distribution", "audience", "scope", "classification",
             "privacy", "confidentiality", "exposure", "vis", "visibilitylevel", "accesslevel", "sharinglevel", "privacylevel",
             "handling", "securityclassification", "dissemination":
            let inWords = ["sharing", "access", "sensitivity", "distribution", "classification", "privacy", "confidentiality", "exposure",
                           "accesslevel", "sharinglevel", "privacylevel", "handling", "securityclassification", "dissemination"].contains(name)
            // A caveat in words: one that forbids passing it on (`Do not distribute`, `NOFORN`,
            // `UNCLASSIFIED//FOUO`), or names a level (`Highly Confidential - ACME`).
            if let value, inWords, Self.forbidsPassingOn(value) || PAP.marksRed(value) || Self.namesLevel(in: value) { return true }
            if let value, !inWords, keptIn.contains(value) { return true }
            // MISP's distributions for the organisation alone (0) and for one sharing group (4).
            if name == "distribution", let value,
               ["0", "4", "your organisation only", "your organization only", "sharing group"].contains(value) { return true }
            // An audience that is not everyone: the team, partners, customers.
            if name == "audience" { return !words.contains { ["public", "everyone", "all", "external", "anyone", "world"].contains($0) } }
            // `sharing: amber+strict`, `handling: RED`: a marking's level alone.
            if name == "sharing" || name == "handling", let value, TLP(named: value).map({ $0 > .clear }) ?? false { return true }
            // Sharing said no to (`sharing: no`, `false`, `do not share`, `not allowed`, `none`), not
            // a restriction said no to (`not restricted`).
            if name == "sharing" || name == "sharinglevel", let value, no.contains(value) || value == "none"
                || words.contains(where: ["not", "no", "never", "none"].contains) && !words.contains(where: keptIn.contains) { return true }
            if name == "visibility" || name == "vis" || name == "visibilitylevel" { return visibilityHides(value, words: words) }
            return value.map(namesRestrictedTLP) ?? false
        case _ where hidingFlags.contains(name):
            return !(value.map(no.contains) ?? false)
        case _ where publishingFlags.contains(name):
            return value.map(no.contains) ?? true
        case "status", "state":
            // Pelican's and WordPress's `status: draft`.
            return value.map(["draft", "private", "hidden", "internal", "unpublished"].contains) ?? false
        case "sharinggroup", "sharinggroupid":
            // Shared with the members of one group: not with a public site (none named, none).
            return value.map { !$0.isEmpty && !no.contains($0) && $0 != "null" && $0 != "none" } ?? false
        case "tags", "labels", "categories", "keywords":
            // A list's items are asked one by one (`tags: [internal, do-not-publish]`), and so
            // are the parts of one written with commas (`tags: "internal, phishing"`).
            return value.map { $0.split(separator: ",").contains { item in
                let letters = String(item.filter(\.isLetter))
                return keptIn.contains(letters) || isHidingTag(String(item)) || namesRestrictedTLP(String(item)) || PAP.isRed(String(item))
            } } ?? false
        case "tlp":
            return TLP(named: value ?? "") != .clear
        case "pap":
            // The Permissible Actions Protocol's RED: no action anyone could detect, and a public
            // site is one (AMBER, GREEN and CLEAR allow passive use).
            return value.map { $0.hasSuffix("red") } ?? true
        case "marking", "markings", "classificationlevel":
            // A key that can only hold a marking may name its level alone (`marking: RED`).
            if let value, TLP(named: value).map({ $0 > .clear }) ?? false { return true }
            return value.map(namesRestrictedTLP) ?? false
        default:
            // `marking: "TLP:RED"`, `sharing: TLP:AMBER+STRICT`: a marking that forbids publication.
            if let value, namesRestrictedTLP(value) { return true }
            // A misspelled `visibility` (`visiblity`) as a `visibility` (above).
            return near == "visibility" && visibilityHides(value, words: words)
        }
    }

    /// What says no to the level right after it (`non-confidential`, `not restricted`).
    private static let negations: Set<String> = ["non", "not", "no", "un"]

    /// The words of a caveat that keep what it is on in (`Confidential`, `Company Proprietary`,
    /// `CUI`, `U//LES`, `Shared under NDA`, `Embargoed until ...`).
    private static let caveatLevels: Set<String> = ["private", "analyst", "internal", "restricted", "confidential", "secret", "sensitive",
        "proprietary", "embargoed", "limdis", "orcon", "les", "sbu", "cui", "nda", "fouo", "noforn"]

    /// True when a caveat names a level that keeps it in (`caveatLevels`) as a caveat writes one,
    /// not said no to right before it (`non-confidential`, `not restricted`): the level ends a
    /// part of it (`Highly Confidential - ACME`, `ACME Corp Internal`, `TOP SECRET//SI`), or is
    /// followed by what makes it one (`For internal use only`, `Restricted to partners`,
    /// `Confidential information`); or a phrase that keeps it to a few (`Need to know`, `Partners
    /// only`: `keepsToFew`). Not a level that qualifies the next word, as a sentence writes it
    /// (`Block at internal proxy`, `Private IP`, `steals sensitive data`): such a field often says
    /// what to do (`handling`).
    private static func namesLevel(in value: String) -> Bool {
        let joiners: Set<String> = ["only", "use", "to", "distribution", "until"]
        for part in caveatParts(of: value) {
            let words = part.split(whereSeparator: { !$0.isLetter }).map(String.init)
            if keepsToFew(words) { return true }
            for (i, word) in words.enumerated() where caveatLevels.contains(word) {
                if i > 0, negations.contains(words[i - 1]) { continue }
                // `Confidential information`, `ACME Proprietary Information`, not `sensitive
                // information disclosure` or `exposed sensitive information`.
                if i + 1 == words.count || joiners.contains(words[i + 1]) { return true }
                if words[i + 1] == "information", i + 2 == words.count, i == 0 || ["confidential", "proprietary", "restricted"].contains(word) { return true }
            }
        }
        return false
    }

    /// True for words that keep something to a few: `need to know`, `eyes only`, an audience and
    /// `only` (`Partners only`, `For ACME customers only`), a limited distribution (`Limited
    /// distribution`, `Distribution limited to members`), `under NDA`, `commercial in confidence`.
    private static func keepsToFew(_ words: [String]) -> Bool {
        let audiences: Set<String> = ["partners", "partner", "customers", "customer", "members", "member", "recipients", "recipient", "team",
                                      "staff", "employees", "subscribers", "subscriber", "eyes", "participants", "clients", "client", "vetted",
                                      "organization", "organisation", "organizations", "organisations"]
        for (i, word) in words.enumerated() {
            let next = i + 1 < words.count ? words[i + 1] : nil
            switch word {
            case "need" where next == "to" && i + 2 < words.count && words[i + 2] == "know": return true
            // `Partners only`, `Subscriber use only`.
            // `Keep within your organisation`, not `keep within budget`.
            case "keep" where next == "within" && words.dropFirst(i + 2).prefix(3).contains(where: audiences.contains): return true
            // At the end (`employees only portal` names a portal).
            case "only" where next == nil && i > 0 && (audiences.contains(words[i - 1]) || words[i - 1] == "use" && i > 1 && audiences.contains(words[i - 2])):
                return true
            case "limited" where next == "distribution" || next == "release": return true
            case "distribution" where next == "limited" || next == "restricted": return true
            // `Sharing is limited to members`, `Access restricted to partners`.
            case "limited" where next == "to" && i > 0, "restricted" where next == "to" && i > 0:
                // The act limited, past an `is` (`Sharing is limited to`).
                let act = ["is", "are"].contains(words[i - 1]) ? (i > 1 ? words[i - 2] : "") : words[i - 1]
                if ["sharing", "distribution", "access", "dissemination", "release"].contains(act) { return true }
            case "under" where next == "nda": return true
            case "commercial" where next == "in" && i + 2 < words.count && words[i + 2] == "confidence": return true
            default: continue
            }
        }
        return false
    }

    /// A caveat's parts, as markings join them (`TOP SECRET//SI//NOFORN`, `Confidential - ACME`,
    /// `Partners only, restricted`); a hyphen between letters joins a word (`non-confidential`).
    private static func caveatParts(of value: String) -> [Substring] {
        var parts: [Substring] = []
        var start = value.startIndex
        var previous: Character?
        for index in value.indices {
            let character = value[index]
            let next = value.index(after: index) < value.endIndex ? value[value.index(after: index)] : nil
            let joinsWord = character == "-" && (previous?.isLetter ?? false) && (next?.isLetter ?? false)
            if "-/,;:()[]|+&\u{2013}\u{2014}".contains(character), !joinsWord {
                if start < index { parts.append(value[start..<index]) }
                start = value.index(after: index)
            }
            previous = character
        }
        if start < value.endIndex { parts.append(value[start...]) }
        return parts
    }

    /// True when a caveat forbids passing what it is on to anyone: a part of it that is a tag
    /// that hides (`NOFORN`, `FOUO`, `do-not-distribute`), or words that forbid it (`Do not
    /// distribute`, `not for further release`).
    static func forbidsPassingOn(_ value: String) -> Bool {
        // Parts as markings join caveats (`TOP SECRET//NOFORN`, `FOUO; NOFORN`), not a word's
        // hyphen (`non-confidential`).
        if isHidingTag(value) || value.split(whereSeparator: { "/,;|".contains($0) }).contains(where: { isHidingTag(String($0)) }) { return true }
        return clauses(of: value).contains { forbidsPassing(Self.words(of: $0)) }
    }

    /// A statement's clauses (`Public sharing is permitted; resale prohibited`): what a
    /// prohibition or a grant is weighed within.
    private static func clauses(of text: String) -> [String] {
        text.split(whereSeparator: { ";.,!?\n".contains($0) }).map(String.init)
    }

    /// The words of a caveat or a statement, lower-cased, with `don't` and `dont` read as `do not`.
    private static func words(of text: String) -> [String] {
        var words: [String] = []
        for word in Tag.key(text).split(whereSeparator: { !$0.isLetter }) {
            if word == "t", words.last == "don" || words.last == "can" || words.last == "won" {
                words[words.count - 1] = "do"
                words.append("not")
            } else if word == "dont" {
                words += ["do", "not"]
            } else if word == "cannot" {
                words += ["can", "not"]
            } else {
                words.append(String(word))
            }
        }
        return words
    }

    /// True when `words` forbid passing something on (`do not distribute`, `not for
    /// publication`, `no further distribution`, `never forward`), not when they say no to a limit
    /// on it (`No restrictions on sharing`, `No sharing restrictions`, `Not restricted: share
    /// freely`, `No distribution limitations apply`).
    private static func forbidsPassing(_ words: [String]) -> Bool {
        // An act said to be prohibited, before or after (`Redistribution prohibited`, `Sharing is
        // not allowed`, `Prohibited from public disclosure`), not one said not to be
        // (`Redistribution is not prohibited`).
        for (i, word) in words.enumerated() {
            let prohibits = ["prohibited", "forbidden", "disallowed"].contains(word) && (i == 0 || !["not", "no"].contains(words[i - 1]))
                || ["permitted", "allowed", "authorized", "authorised"].contains(word) && i > 0 && ["not", "no"].contains(words[i - 1])
            guard prohibits else { continue }
            if words[max(0, i - 8)..<i].contains(where: prohibitable.contains) || words.dropFirst(i + 1).prefix(3).contains(where: prohibitable.contains) {
                return true
            }
        }
        for (i, word) in words.enumerated() where ["non", "not", "no", "un", "never"].contains(word) {
            var at = i + 1
            while at < words.count, fillers.contains(words[at]) { at += 1 }
            guard at < words.count else { continue }
            if openAudiences.contains(words[at]) {
                // `not to be made public`, `not for external use`, `no public sharing restrictions`.
                let next = at + 1 < words.count ? words[at + 1] : nil
                guard next == nil || audienceObjects.contains(next!) || passing.contains(next!) else { continue }
                if let next, passing.contains(next) { at += 1 }
            } else if !passing.contains(words[at]) {
                // The act right after (`do not block: public resolver` forbids no passing on).
                continue
            } else if at + 1 < words.count, Self.namesAnotherThing(words[at], next: words[at + 1]) {
                continue
            }
            // `No sharing restrictions`: the limit said no to; `do not release from quarantine`.
            if at + 1 < words.count, limits.contains(words[at + 1]) || words[at + 1] == "from" { continue }
            return true
        }
        return false
    }

    /// True when an act of passing on names something else than what it is on: a participle as an
    /// adjective (`Not shared hosting`), or sharing what a phishing warning names (`Do not share
    /// credentials with this site`).
    private static func namesAnotherThing(_ act: String, next: String) -> Bool {
        if passingParticiples.contains(act) { return !wordsAfterPassing.contains(next) }
        return phishingObjects.contains(next)
    }

    /// Acts of passing something on (`distribute`, `sharing`, `forwarded`), as `forbidsPassing` reads them.
    private static let passing: Set<String> = ["distribute", "distributed", "distribution", "share", "sharing", "shared", "publish", "published",
        "publication", "republish", "republication", "disclose", "disclosed", "disclosure", "forward", "forwarded", "forwarding", "release",
        "released", "releasable", "redistribute", "redistributed", "redistribution", "disseminate", "disseminated", "dissemination", "circulate",
        "circulated", "circulation", "post", "posted", "repost", "reproduce", "reproduced", "reproduction", "passed", "pass"]
    /// Where something goes, not what it is: an act only as the object of one (`not to be made
    /// public`, `not for external use`: `audienceObjects`), not as a word's adjective (`no public
    /// exploit`, `not publicly routable`).
    private static let openAudiences: Set<String> = ["public", "publicly", "external", "externally"]
    private static let audienceObjects: Set<String> = ["use", "consumption", "audience", "audiences", "parties", "release", "distribution",
        "sharing", "disclosure"]
    /// A limit, which a negation before an act may say no to (`No sharing restrictions`).
    private static let limits: Set<String> = ["restriction", "restrictions", "restricted", "limit", "limits", "limited", "limitation",
        "limitations", "constraint", "constraints", "conditions", "requirement", "requirements"]
    /// Acts a prohibition names on its own (`Redistribution prohibited`), unlike `forwarding`
    /// or `external` (`Port forwarding prohibited`).
    private static let prohibitable: Set<String> = ["distribution", "redistribution", "sharing", "share", "publication", "republication",
        "disclosure", "dissemination", "release", "reproduction", "shared", "distributed", "disclosed", "published"]
    /// What may stand between the negation and the act (`not for publication`, `not to be
    /// distributed`, `no further distribution`, `not to be made public`).
    private static let fillers: Set<String> = ["for", "to", "be", "further", "any", "re", "in", "made", "on"]
    /// Participles of passing on, which are adjectives unless a word of where or how follows
    /// (`wordsAfterPassing`: `Not shared with partners`, not `Not shared hosting`).
    private static let passingParticiples: Set<String> = ["shared", "published", "released", "distributed", "disclosed", "posted", "forwarded",
        "circulated", "reproduced", "disseminated", "redistributed"]
    private static let wordsAfterPassing: Set<String> = ["with", "to", "outside", "beyond", "by", "publicly", "externally", "further", "yet",
        "in", "on", "via", "without", "online", "elsewhere", "anywhere", "until", "before", "or", "and"]
    /// What a phishing warning tells its reader not to share (`Do not share credentials`).
    private static let phishingObjects: Set<String> = ["credentials", "credential", "passwords", "password", "your", "personal", "account",
        "login", "logins", "secrets", "keys", "tokens", "pii", "details", "codes", "otp", "pin"]

    /// Whether a `visibility` where dossier reads none (an indicator's and a tag's privacy is
    /// `private`) keeps what it is set on in: unless it states an open level in words that say
    /// nothing else (`public`, `community`, `Public - TLP:CLEAR`, `shareable`, a plain yes) or
    /// none (`none`, `default`, empty), it does, on the safe side (`hidden`, `team`, `false`,
    /// `non-public`, `never public`, `public later`, `public, team only`, a misspelled `privat`).
    private static func visibilityHides(_ value: String?, words: [String]) -> Bool {
        guard let value else { return true }
        if ["", "none", "null", "default", "normal", "n/a", "na", "true", "yes", "1", "on", "y"].contains(value) { return false }
        // Nothing but letters and the marks that join words (`Public - TLP:CLEAR`): a digit or
        // another sign says something more (`public: 0`, `public 2027-03-01`, `public?`, `public ✗`).
        let plain = value.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == " " || " -_:().,/+".unicodeScalars.contains($0) }
        return !plain || namesRestrictedTLP(value) || words.isEmpty || !words.allSatisfy(openWords.contains) || !words.contains(where: openLevels.contains)
    }

    /// The words of a `visibility` dossier does not read that publish what it is set on.
    private static let openLevels: Set<String> = ["public", "published", "publish", "community", "shared", "shareable", "sharable",
        "releasable", "unrestricted", "unclassified", "declassified", "internet", "visible", "shown", "open", "clear", "white",
        "everyone", "all", "world", "external", "anyone", "global", "worldwide"]

    /// The words an open level may be written with: those, and what names the level.
    private static let openWords = openLevels.union(["tlp", "level", "facing", "to", "the", "for", "users", "only", "publicly"])

    /// Flags that hide what they are set on unless set to a plain no (`"restricted": true`,
    /// `do_not_share: yes`), by their letters.
    private static let hidingFlags: Set<String> = hidingTags.union([
        "private", "priv", "internal", "internalonly", "confidential", "unlisted", "restricted", "sensitive",
        "secret", "donotshare", "noshare", "privateonly", "nonpublic", "notpublic",
    ])

    /// Flags that hide what they are set on when set to a plain no (`shareable: no`,
    /// `"isPublic": false`), by their letters.
    private static let publishingFlags: Set<String> = [
        "published", "public", "publish", "publishable", "shared", "share", "shareable", "sharable", "visible", "listed",
        "release", "releasable", "external", "distributable",
    ]

    /// Parts of a flag's name that say it keeps the thing in (`keepprivate`, `privatenote`,
    /// `confidentialdata`), by their letters.
    private static let hidingStems = ["private", "confidential", "secret", "donotpublish", "donotshare", "unpublish"]

    /// Values of such a flag that do not keep it in (`private: public`, `embargo: none`).
    private static let keptOpen: Set<String> = ["public", "none", "null", "clear", "everyone", ""]

    /// Tags that keep a note unpublished, by their letters (`do-not-publish`, `Do Not Publish`,
    /// `DoNotPublish`).
    private static let hidingTags: Set<String> = ["draft", "hidden", "donotpublish", "notforpublication", "nopublish", "embargoed", "unpublished",
        // Caveats that forbid passing it on at all (`do-not-distribute`, `UNCLASSIFIED//FOUO`).
        "donotdistribute", "notfordistribution", "nodistribution", "notforrelease", "donotforward", "noshare", "nosharing",
        "internaluseonly", "fouo", "unclassifiedfouo", "forofficialuseonly", "noforn", "nodissemination"]

    /// True when an indicator's tag says it is not for publication, by its letters (`private`,
    /// `do-not-publish`, `Confidential`, `hidden`, `draft`): not one that names a subject as often
    /// (`internal`, `secret`).
    public static func isHidingTag(_ tag: String) -> Bool {
        // Caveats joined (`FOUO//NOFORN`): each on its own.
        if tag.utf8.contains(UInt8(ascii: "/")) {
            let parts = tag.split(separator: "/")
            if parts.count > 1, parts.contains(where: { isHidingTag(String($0)) }) { return true }
        }
        // MISP's workflow taxonomy: an event still being written (`workflow:state="draft"`).
        // (Told by its first letter before anything is made: every tag of every indicator is asked.)
        if let first = tag.utf8.first, first | 0x20 == UInt8(ascii: "w"), tag.utf8.count < 40,
           Tag.key(tag).filter({ !$0.isWhitespace && $0 != "\"" }) == "workflow:state=draft" { return true }
        if namesCaveatWithOwner(tag) || isCaveatMachineTag(tag) { return true }
        // An ASCII tag (nearly every one, on every indicator of a cold check) is told by the hash
        // of its letters, with nothing made; the rest as tags compare.
        if tag.utf8.allSatisfy({ $0 < 0x80 }) {
            var hasher = FNV1a()
            for byte in tag.utf8 where IndicatorBytes.isLetter(byte) { hasher.add(IndicatorBytes.lower(byte)) }
            guard indicatorHidingHashes.contains(hasher.value) else { return false }
        }
        return indicatorHidingTags.contains(String(Tag.key(tag).filter(\.isLetter)))
    }

    /// True for a caveat tag with its owner's name (`ACME Confidential`, `Confidential - ACME`,
    /// `confidential:acme`, `Company Proprietary`), not said no to (`non-confidential`) nor a
    /// subject (`confidential-computing`). Told by its first and last letters before anything is
    /// made: every tag of every indicator is asked.
    private static func namesCaveatWithOwner(_ tag: String) -> Bool {
        let utf8 = tag.utf8
        guard utf8.count > 12 else { return false }
        func same(_ bytes: some Sequence<UInt8>, _ word: String) -> Bool { bytes.elementsEqual(word.utf8) { $0 | 0x20 == $1 } }
        guard ["confidential", "proprietary"].contains(where: { same(utf8.prefix($0.utf8.count), $0) || same(utf8.suffix($0.utf8.count), $0) })
        else { return false }
        let lowered = tag.lowercased()
        for word in ["confidential", "proprietary"] {
            if lowered.hasSuffix(word), let before = lowered.dropLast(word.count).last, !before.isLetter {
                let said = lowered.dropLast(word.count).split(whereSeparator: { !$0.isLetter }).last
                if !negations.contains(said.map(String.init) ?? "") { return true }
            }
            // Followed by its owner as markings write it (`Confidential - ACME`, `confidential:acme`),
            // not by a noun (`Confidential computing`, `Proprietary software`).
            let after = lowered.dropFirst(word.count)
            if lowered.hasPrefix(word), [":", "/", "=", "(", " -", " (", " /", " \u{2013}", " \u{2014}"].contains(where: { after.hasPrefix($0) }) { return true }
        }
        return false
    }

    /// True for a machine tag whose namespace holds caveats and whose value is one
    /// (`caveat:noforn`, `handling:internal-use-only`, `dissemination="limited distribution"`).
    /// Told by its first letter before anything is made: every tag of every indicator is asked.
    private static func isCaveatMachineTag(_ tag: String) -> Bool {
        guard let first = tag.utf8.first.map({ $0 | 0x20 }), [UInt8(ascii: "c"), UInt8(ascii: "h"), UInt8(ascii: "d")].contains(first),
              let colon = tag.utf8.firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "=") }),
              tag.utf8.distance(from: tag.utf8.startIndex, to: colon) <= 14 else { return false }
        let namespace = tag[..<colon].lowercased()
        guard ["caveat", "caveats", "handling", "dissemination", "classification"].contains(namespace) else { return false }
        let value = String(tag[tag.index(after: colon)...]).replacingOccurrences(of: "\"", with: "")
        let spaced = value.replacingOccurrences(of: "-", with: " ")
        return isHidingTag(value) || forbidsPassingOn(spaced) || namesLevel(in: Tag.key(spaced))
    }

    private static let indicatorHidingTags = hidingTags.union(["private", "confidential", "donotshare", "privateonly", "internalonly", "nonpublic", "notpublic",
        "forinternaluseonly", "notforpublicrelease", "donotredistribute", "notforredistribution", "nopublicrelease",
        "notforpublic", "notforsharing", "noforward", "nda", "proprietary", "highlyconfidential", "strictlyconfidential", "companyconfidential",
        "noredistribution", "sharingprohibited", "redistributionprohibited", "recipientsonly", "recipientonly", "notreleasable"])
    private static let indicatorHidingHashes = Set(indicatorHidingTags.map(FNV1a.hash))

    /// True when a statement of how to handle something (a STIX statement marking, a handling
    /// caveat) restricts its sharing: it names a level that keeps it in (`Internal use only`,
    /// `Confidential`, a TLP above CLEAR) not said no to (`non-confidential`), or forbids passing
    /// it on (`do not distribute`, `not for publication`, `no forwarding`). A copyright or a
    /// licence (`Copyright 2026 ACME`, `CC BY 4.0`) does not.
    public static func restrictsSharing(statement: String) -> Bool {
        if namesRestrictedTLP(statement) || PAP.marksRed(statement) { return true }
        let words = Self.words(of: statement)
        if clauses(of: statement).contains(where: { forbidsPassing(Self.words(of: $0)) }) || keepsToFew(words) { return true }
        // A grant of sharing is none, whatever levels it names (`Free to share; no restrictions
        // on internal or external use`).
        let joined = " " + words.joined(separator: " ") + " "
        let grants = [" no restrictions ", " no restriction ", " without restriction ", " without restrictions ", " free to share ", " unlimited ",
                      " freely ", " approved for public release ", " has been removed ", " have been removed ", " redacted "]
        if grants.contains(where: joined.contains) { return false }
        // `Internal and external sharing permitted`.
        for (i, word) in words.enumerated() where ["permitted", "allowed", "authorized", "authorised"].contains(word) {
            if i == 0 || !["not", "no"].contains(words[i - 1]) { return false }
        }
        for (i, word) in words.enumerated() where caveatLevels.contains(word) {
            if i == 0 || !negations.contains(words[i - 1]) { return true }
        }
        return false
    }

    /// True when `value` names a TLP other than CLEAR (`TLP:GREEN`, `TLP: RED (no sharing)`,
    /// `ACME Intel (TLP AMBER)`, or a level alone as a tag marks one): a marking that keeps a note
    /// off a public site. Read as imports read a file's marking (`TLP.labels(in:)`); a text that
    /// only speaks of a level (`why TLP red matters`) hides too, on the safe side, with a warning.
    static func namesRestrictedTLP(_ value: String) -> Bool {
        if let marked = TLP.marked(by: [value]), marked > .clear { return true }
        return TLP.labels(in: value).contains { $0.tlp > .clear }
    }

    /// True when an indicator's unknown field hides it (see `meansHidden`): a scalar as it reads,
    /// a list by its items.
    public static func hides(_ member: JSONObject.Member, near: String?) -> Bool {
        switch member.value.value {
        case .string(let text): meansHidden(key: member.key, value: text, near: near)
        case .bool(let flag): meansHidden(key: member.key, value: flag ? "true" : "false", near: near)
        case .number(let literal): meansHidden(key: member.key, value: literal, near: near)
        case .null: false
        case .array(let items):
            items.contains { item in
                guard case .string(let text) = item.value else { return false }
                return meansHidden(key: member.key, value: text, near: nil)
            }
        case .object(let object):
            // A flag in an object within says the same (`"meta": {"private": true}`).
            meansHidden(key: member.key, value: nil, near: near) || object.members.contains { hides($0, near: nil) }
        }
    }
}
