/// Writing SVG by hand, deterministically: the same numbers always print the same way.
enum SVGText {
    /// XML's five special characters, escaped for content and attribute values alike.
    static let xmlEscapes: [Character: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
    ]

    static func escaped(_ text: String) -> String { escaped(text, xmlEscapes) }

    /// `text` with each character that `escapes` names replaced by its escape.
    static func escaped(_ text: String, _ escapes: [Character: String]) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let escape = escapes[character] { result += escape } else { result.append(character) }
        }
        return result
    }

    /// `value` with at most four decimals and no trailing zeros: `0.9981`, `-0.0623`, `12`.
    static func number(_ value: Double) -> String {
        let scaled = Int((value * 10_000).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        var fraction = String(magnitude % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = "\(magnitude / 10_000)"
        if fraction.isEmpty { return whole == "0" ? "0" : sign + whole }
        return sign + whole + "." + fraction
    }
}
