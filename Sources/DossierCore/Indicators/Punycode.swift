/// Punycode (RFC 3492), the encoding of internationalized domain labels as `xn--` ASCII labels.
enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
    private static let initialBias = 72, initialN = 0x80

    private static func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func digit(_ d: Int) -> UInt8 {
        d < 26 ? UInt8(d + 0x61) : UInt8(d - 26 + 0x30)
    }

    /// The Punycode form of a label (without the `xn--` prefix), or nil on overflow.
    static func encode(_ label: String) -> String? {
        let input = label.unicodeScalars.map { Int($0.value) }
        var output: [UInt8] = input.filter { $0 < 0x80 }.map { UInt8($0) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append(UInt8(ascii: "-")) }
        var n = initialN, delta = 0, bias = initialBias
        while handled < input.count {
            guard let m = input.filter({ $0 >= n }).min() else { return nil }
            let (product, overflow) = (m - n).multipliedReportingOverflow(by: handled + 1)
            if overflow { return nil }
            delta += product
            n = m
            for c in input {
                if c < n { delta += 1 }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The Unicode label a Punycode string (without `xn--`) stands for, or nil when it is not valid Punycode.
    static func decode(_ encoded: Substring.UTF8View) -> String? {
        let bytes = Array(encoded)
        var output: [Unicode.Scalar] = []
        var start = 0
        if let lastHyphen = bytes.lastIndex(of: UInt8(ascii: "-")) {
            for b in bytes[..<lastHyphen] {
                guard b < 0x80 else { return nil }
                output.append(Unicode.Scalar(b))
            }
            start = lastHyphen + 1
        }
        var n = initialN, i = 0, bias = initialBias
        var position = start
        while position < bytes.count {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard position < bytes.count else { return nil }
                let b = IndicatorBytes.lower(bytes[position])
                position += 1
                let d: Int
                if IndicatorBytes.isLower(b) { d = Int(b - 0x61) } else if IndicatorBytes.isDigit(b) { d = Int(b - 0x30) + 26 } else { return nil }
                let (dw, o1) = d.multipliedReportingOverflow(by: w)
                let (sum, o2) = i.addingReportingOverflow(dw)
                if o1 || o2 { return nil }
                i = sum
                let t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias
                if d < t { break }
                let (nextW, o3) = w.multipliedReportingOverflow(by: base - t)
                if o3 { return nil }
                w = nextW
                k += base
            }
            bias = adapt(i - oldI, output.count + 1, oldI == 0)
            let (nextN, o4) = n.addingReportingOverflow(i / (output.count + 1))
            if o4 { return nil }
            n = nextN
            i %= output.count + 1
            guard n >= 0x80, let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: n)), n <= 0x10FFFF else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: output)
        return text
    }
}
