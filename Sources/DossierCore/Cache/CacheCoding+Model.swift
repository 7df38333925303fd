/// The model in the cache's byte format, every field in declaration order. A field added to the
/// model must be added here too: `ProjectCacheTests` loads workspaces with every field set through
/// the cache and without it and compares the two models whole.
extension CacheWriter {
    mutating func position(_ position: SourcePosition) {
        int(position.line)
        int(position.column)
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        choice(diagnostic.severity)
        optional(diagnostic.location) { writer, location in
            writer.string(location.path)
            writer.position(location.position)
        }
        string(diagnostic.message)
        optionalString(diagnostic.code)
    }

    mutating func optionalString(_ value: String?) {
        optional(value) { $0.string($1) }
    }

    mutating func strings(_ values: [String]) {
        array(values) { $0.string($1) }
    }

    mutating func diagnostics(_ diagnostics: [Diagnostic]) {
        array(diagnostics) { $0.diagnostic($1) }
    }

    mutating func node(_ node: JSONNode) {
        switch node.value {
        case .null: byte(0)
        case .bool(let value): byte(value ? 2 : 1)
        case .number(let text):
            byte(3)
            string(text)
        case .string(let text):
            byte(4)
            string(text)
        case .array(let elements):
            byte(5)
            array(elements) { $0.node($1) }
        case .object(let object):
            byte(6)
            members(object.members)
        }
        position(node.position)
    }

    mutating func members(_ members: [JSONObject.Member]) {
        array(members) { writer, member in
            writer.string(member.key)
            writer.position(member.keyPosition)
            writer.node(member.value)
        }
    }

    mutating func indicator(_ indicator: Indicator) {
        string(indicator.value)
        choice(indicator.type)
        optional(indicator.classification) { $0.choice($1) }
        sharedStrings(indicator.tags)
        sharedString(indicator.firstSeen)
        sharedString(indicator.lastSeen)
        sharedString(indicator.source)
        sharedString(indicator.comment)
        optional(indicator.privateFlag) { $0.bool($1) }
        members(indicator.extra)
        optional(indicator.origin) { writer, origin in
            writer.position(origin.object)
            writer.position(origin.value)
            writer.optional(origin.classification) { $0.position($1) }
            writer.optional(origin.tags) { $0.position($1) }
        }
    }

    mutating func note(_ note: Note) {
        string(note.fileName)
        string(note.path)
        optionalString(note.title)
        optionalString(note.author)
        optionalString(note.date)
        optional(note.visibility) { $0.choice($1) }
        string(note.body)
        int(note.bodyLine)
        optionalString(note.leadingHeading)
        optional(note.titlePosition) { $0.position($1) }
        optional(note.authorPosition) { $0.position($1) }
    }

    mutating func project(_ project: Project) {
        string(project.slug)
        string(project.folder)
        string(project.title)
        optionalString(project.summary)
        choice(project.visibility)
        choice(project.tlp)
        optional(project.status) { $0.choice($1) }
        optionalString(project.created)
        optionalString(project.updated)
        optionalString(project.owner)
        strings(project.tags)
        bool(project.written.visibility)
        bool(project.written.tlp)
        bool(project.written.tags)
        members(project.extra)
        array(project.indicators) { $0.indicator($1) }
        members(project.indicatorsExtra)
        array(project.notes) { $0.note($1) }
        optional(project.origin) { writer, origin in
            writer.optional(origin.visibility) { $0.position($1) }
            writer.optional(origin.tlp) { $0.position($1) }
            writer.optional(origin.title) { $0.position($1) }
            writer.optional(origin.summary) { $0.position($1) }
            writer.optional(origin.tags) { $0.position($1) }
            writer.optional(origin.owner) { $0.position($1) }
        }
        bool(project.hasAllIndicators)
    }
}

extension CacheReader {
    mutating func position() throws(Malformed) -> SourcePosition {
        SourcePosition(line: try int(), column: try int())
    }

    mutating func diagnostic() throws(Malformed) -> Diagnostic {
        let severity = try choice(Severity.self)
        let location = try optional { reader throws(Malformed) in SourceLocation(path: try reader.string(), position: try reader.position()) }
        return Diagnostic(severity, at: location, try string(), code: try optional { reader throws(Malformed) in try reader.string() })
    }

    mutating func diagnostics() throws(Malformed) -> [Diagnostic] {
        try array { reader throws(Malformed) in try reader.diagnostic() }
    }

    /// A JSON value no deeper than the parser lets any file be, so that a damaged entry cannot
    /// exhaust the stack.
    mutating func node(depth: Int = 0) throws(Malformed) -> JSONNode {
        guard depth <= JSONParser.maximumDepth else { throw Malformed() }
        let value: JSONValue
        switch try byte() {
        case 0: value = .null
        case 1: value = .bool(false)
        case 2: value = .bool(true)
        case 3: value = .number(try string())
        case 4: value = .string(try string())
        case 5: value = .array(try array { reader throws(Malformed) in try reader.node(depth: depth + 1) })
        case 6: value = .object(JSONObject(try members(depth: depth + 1)))
        default: throw Malformed()
        }
        return JSONNode(value, at: try position())
    }

    mutating func members(depth: Int = 0) throws(Malformed) -> [JSONObject.Member] {
        try array { reader throws(Malformed) in
            let key = try reader.string()
            let keyPosition = try reader.position()
            return JSONObject.Member(key: key, keyPosition: keyPosition, value: try reader.node(depth: depth))
        }
    }

    mutating func optionalString() throws(Malformed) -> String? {
        try optional { reader throws(Malformed) in try reader.string() }
    }

    mutating func optionalPosition() throws(Malformed) -> SourcePosition? {
        try optional { reader throws(Malformed) in try reader.position() }
    }

    mutating func strings() throws(Malformed) -> [String] {
        try array { reader throws(Malformed) in try reader.string() }
    }

    mutating func indicator() throws(Malformed) -> Indicator {
        // Each field read into a constant first: read as the initializer's arguments, the
        // indicator was made in a temporary and copied out (retaining and releasing each string).
        let (value, type) = (try string(), try choice(IndicatorType.self))
        let classification = try optional { reader throws(Malformed) in try reader.choice(Classification.self) }
        let (tags, firstSeen, lastSeen, source, comment) = (try sharedStrings(), try sharedString(), try sharedString(), try sharedString(), try sharedString())
        let privateFlag = try optional { reader throws(Malformed) in try reader.bool() }
        let extra = try members()
        let origin = try optional { reader throws(Malformed) in
            Indicator.Origin(object: try reader.position(), value: try reader.position(),
                classification: try reader.optionalPosition(), tags: try reader.optionalPosition())
        }
        return Indicator(value: value, type: type, classification: classification, tags: tags, firstSeen: firstSeen, lastSeen: lastSeen,
            source: source, comment: comment, privateFlag: privateFlag, extra: extra, origin: origin)
    }

    /// A project's indicators: read in a loop of their own, where the generic `array` copied
    /// each indicator it was handed (retaining and releasing every one of its strings).
    mutating func indicators() throws(Malformed) -> [Indicator] {
        let count = try count()
        var indicators: [Indicator] = []
        indicators.reserveCapacity(Swift.min(count, 1 << 16))
        for _ in 0..<count { indicators.append(try indicator()) }
        return indicators
    }

    mutating func note() throws(Malformed) -> Note {
        var note = Note(
            fileName: try string(), path: try string(), title: try optionalString(), author: try optionalString(),
            date: try optionalString(), visibility: try optional { reader throws(Malformed) in try reader.choice(Visibility.self) },
            body: try string(), bodyLine: try int(), leadingHeading: try optionalString())
        note.titlePosition = try optional { reader throws(Malformed) in try reader.position() }
        note.authorPosition = try optional { reader throws(Malformed) in try reader.position() }
        return note
    }

    mutating func project() throws(Malformed) -> Project {
        var project = Project(
            slug: try string(), folder: try string(), title: try string(), summary: try optionalString(),
            visibility: try choice(Visibility.self), tlp: try choice(TLP.self),
            status: try optional { reader throws(Malformed) in try reader.choice(ProjectStatus.self) },
            created: try optionalString(), updated: try optionalString(), owner: try optionalString(), tags: try strings(),
            written: Project.WrittenFields(visibility: try bool(), tlp: try bool(), tags: try bool()),
            extra: try members(), indicators: try indicators(),
            indicatorsExtra: try members(), notes: try array { reader throws(Malformed) in try reader.note() },
            origin: try optional { reader throws(Malformed) in
                Project.Origin(visibility: try reader.optionalPosition(), tlp: try reader.optionalPosition(),
                    title: try reader.optionalPosition(), summary: try reader.optionalPosition(), tags: try reader.optionalPosition(),
                    owner: try reader.optionalPosition())
            })
        project.hasAllIndicators = try bool()
        return project
    }
}
