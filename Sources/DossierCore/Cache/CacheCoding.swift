/// The byte format of the project cache (`ProjectCache`): lengths and counts as LEB128 varints,
/// strings as their UTF-8 bytes after their length, optionals behind one byte, closed sets by
/// their raw value's place in `allCases`. The texts that repeat across a project's indicators
/// (comments, sources, dates, lists of tags) are written once and then by their number
/// (`sharedString`, `sharedStrings`): read back, they share one string, where each copy was an
/// allocation, a million times in a large workspace. No field names and no alignment: an entry is read back
/// only by the very build of dossier that wrote it (`ProjectCache.toolIdentity`).
public struct CacheWriter {
    public private(set) var bytes: [UInt8] = []
    /// The numbers of the shared texts and lists written so far, in the order written.
    /// By bytes: a text canonically equivalent to one written before is still written as it is.
    private var sharedNumbers: [ExactText: Int] = [:]
    private var sharedListNumbers: [[ExactText]: Int] = [:]

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// An optional text that may repeat: 0 for none, 1 before a text written the first time, or
    /// its number plus 2.
    mutating func sharedString(_ value: String?) {
        guard let value else { return int(0) }
        if let number = sharedNumbers[ExactText(value)] { return int(number + 2) }
        sharedNumbers[ExactText(value)] = sharedNumbers.count
        int(1)
        string(value)
    }

    /// A list of texts that may repeat whole: 0 before a list written the first time, or its number plus 1.
    mutating func sharedStrings(_ values: [String]) {
        let exact = values.map(ExactText.init)
        if let number = sharedListNumbers[exact] { return int(number + 1) }
        sharedListNumbers[exact] = sharedListNumbers.count
        int(0)
        array(values) { $0.string($1) }
    }

    public mutating func int(_ value: Int) {
        // Zigzag, so that the rare negative number (none is expected) still round-trips.
        var rest = UInt64(bitPattern: Int64(value << 1) ^ Int64(value >> 63))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// Eight bytes, least significant first: a hash, which a variable length would not shorten.
    public mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func uint32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func optional<T>(_ value: T?, _ write: (inout CacheWriter, T) -> Void) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        write(&self, value)
    }

    public mutating func array<T>(_ values: [T], _ write: (inout CacheWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func choice<T: CacheChoice>(_ value: T) { bytes.append(T.cacheTable.numbers[value] ?? 0) }
}

/// Reads what `CacheWriter` wrote, checking every length against the bytes left: a truncated or
/// damaged entry is `Malformed`, never a crash, and the cache then treats it as missing.
public struct CacheReader: ~Copyable {
    public struct Malformed: Error {
        public init() {}
    }

    private let base: UnsafeRawBufferPointer
    private var offset = 0
    /// The shared texts and lists read so far, by number (`CacheWriter.sharedString`).
    private var shared: [String] = []
    private var sharedLists: [[String]] = []

    init(_ base: UnsafeRawBufferPointer) { self.base = base }

    public var isAtEnd: Bool { offset == base.count }

    public mutating func byte() throws(Malformed) -> UInt8 {
        guard offset < base.count else { throw Malformed() }
        defer { offset += 1 }
        return base[offset]
    }

    public mutating func int() throws(Malformed) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw Malformed() }
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: result >> 1) ^ -Int64(result & 1))
    }

    /// A count of things still to read: at least one byte each, so a damaged count cannot make
    /// the reader reserve more than the entry could hold.
    public mutating func count() throws(Malformed) -> Int {
        let count = try int()
        guard count >= 0, count <= base.count - offset else { throw Malformed() }
        return count
    }

    public mutating func uint64() throws(Malformed) -> UInt64 {
        guard base.count - offset >= 8 else { throw Malformed() }
        defer { offset += 8 }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    public mutating func uint32() throws(Malformed) -> UInt32 {
        guard base.count - offset >= 4 else { throw Malformed() }
        defer { offset += 4 }
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    public mutating func bool() throws(Malformed) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw Malformed()
        }
    }

    public mutating func string() throws(Malformed) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: base[offset..<offset + length]), as: UTF8.self)
    }

    mutating func sharedString() throws(Malformed) -> String? {
        switch try int() {
        case 0: return nil
        case 1:
            let value = try string()
            shared.append(value)
            return value
        case let number:
            guard number >= 2, number - 2 < shared.count else { throw Malformed() }
            return shared[number - 2]
        }
    }

    mutating func sharedStrings() throws(Malformed) -> [String] {
        let number = try int()
        guard number != 0 else {
            let values = try array { reader throws(Malformed) in try reader.string() }
            sharedLists.append(values)
            return values
        }
        guard number >= 1, number - 1 < sharedLists.count else { throw Malformed() }
        return sharedLists[number - 1]
    }

    public mutating func optional<T>(_ read: (inout CacheReader) throws(Malformed) -> T) throws(Malformed) -> T? {
        try bool() ? try read(&self) : nil
    }

    public mutating func array<T>(_ read: (inout CacheReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        let count = try count()
        var values: [T] = []
        // A damaged count is bounded by the bytes left, but not by what each element needs.
        values.reserveCapacity(Swift.min(count, 1 << 16))
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func choice<T: CacheChoice>(_: T.Type) throws(Malformed) -> T {
        let number = Int(try byte())
        let cases = T.cacheTable.cases
        guard number < cases.count else { throw Malformed() }
        return cases[number]
    }
}

/// A closed set written as its place in `allCases`. The cases are kept in a stored table because
/// a synthesized `allCases` builds a new array on every call, a million times per workspace.
protocol CacheChoice: Hashable, Sendable {
    static var cacheTable: CacheChoiceTable<Self> { get }
}

struct CacheChoiceTable<T: Hashable>: Sendable where T: Sendable {
    let cases: [T]
    let numbers: [T: UInt8]

    init(_ cases: some Collection<T>) {
        self.cases = Array(cases)
        numbers = Dictionary(uniqueKeysWithValues: self.cases.enumerated().map { ($1, UInt8($0)) })
    }
}

extension IndicatorType: CacheChoice { static let cacheTable = CacheChoiceTable(allCases) }
extension Classification: CacheChoice { static let cacheTable = CacheChoiceTable(allCases) }
extension TLP: CacheChoice { static let cacheTable = CacheChoiceTable(allCases) }
extension Visibility: CacheChoice { static let cacheTable = CacheChoiceTable(allCases) }
extension ProjectStatus: CacheChoice { static let cacheTable = CacheChoiceTable(allCases) }
extension Severity: CacheChoice { static let cacheTable = CacheChoiceTable([Severity.warning, .error]) }
