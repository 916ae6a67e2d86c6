/// The timestamps tcpdump puts before a packet: `12:34:56.789012` (default), `1700000000.123456` (`-tt`)
/// and `2024-01-31 12:34:56.789012` (`-tttt`).
enum TextTimestamp {
    /// Reads a timestamp at the start of `text`; returns it and the rest of the line, or nil when the line
    /// does not start with one.
    static func parse(_ text: Substring) -> (time: CaptureTime, rest: Substring)? {
        var rest = text
        var dayNanoseconds: Int64 = 0
        if let (days, afterDate) = parseDate(rest) {
            dayNanoseconds = days * 86_400 * 1_000_000_000
            rest = afterDate
        }
        guard let first = rest.first, first.isASCII, first.isNumber else { return nil }
        let token = rest.prefix { $0 != " " && $0 != "\t" }
        let after = rest[token.endIndex...].drop { $0 == " " || $0 == "\t" }
        let pieces = token.split(separator: ":", omittingEmptySubsequences: false)
        if pieces.count == 3 {
            guard let hours = Int64(pieces[0]), let minutes = Int64(pieces[1]), hours < 1_000_000, minutes < 60,
                let seconds = parseSeconds(pieces[2])
            else { return nil }
            let time = dayNanoseconds + (hours * 3600 + minutes * 60) * 1_000_000_000 + seconds
            return (CaptureTime(nanoseconds: time), after)
        }
        guard pieces.count == 1, dayNanoseconds == 0, token.contains("."), let seconds = parseSeconds(token) else {
            return nil
        }
        return (CaptureTime(nanoseconds: seconds), after)
    }

    /// `12.345678` as nanoseconds; at most 12 digits before the point, 9 after.
    private static func parseSeconds(_ text: Substring) -> Int64? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.count <= 12, whole.allSatisfy(\.isASCII),
            let seconds = Int64(whole)
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int64(digits)
            else { return nil }
            fraction = value
            for _ in digits.count..<9 { fraction *= 10 }
        }
        return seconds * 1_000_000_000 + fraction
    }

    /// `2024-01-31 ` as days since 1970-01-01 (proleptic Gregorian), and the rest after it.
    private static func parseDate(_ text: Substring) -> (Int64, Substring)? {
        let token = text.prefix { $0 != " " }
        let fields = token.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count == 4, let year = Int64(fields[0]), let month = Int64(fields[1]),
            let day = Int64(fields[2]), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        // Days from civil, after Howard Hinnant's algorithm.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return (days, text[token.endIndex...].drop { $0 == " " })
    }
}
