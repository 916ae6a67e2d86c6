/// Text shortened to a width without ever showing a wrong number: a cut is marked with `…`, and a word that
/// holds a digit (a port, an address, a sequence number) is dropped whole rather than cut, since
/// `127.0.0.1:876` reads as a real port when 8765 was meant.
public enum TextFit {
    /// The mark at the end of shortened text.
    public static let ellipsis = "…"

    /// `text` when it fits in `width` cells; otherwise its longest start that fits with `…` after it, ending
    /// before any word with a digit that the cut would split.
    public static func fit(_ text: String, width: Int) -> String {
        guard TextWidth.of(text) > width else { return text }
        guard width > TextWidth.of(ellipsis) else { return width > 0 ? String(repeating: ".", count: width) : "" }
        let budget = width - TextWidth.of(ellipsis)
        var kept = ""
        var used = 0
        var rest = Substring(text)
        while let character = rest.first, used + TextWidth.of(character) <= budget {
            kept.append(character)
            used += TextWidth.of(character)
            rest = rest.dropFirst()
        }
        if let next = rest.first, !next.isWhitespace {
            // The cut is inside a word: a word holding a digit goes whole.
            let wordStart = kept.lastIndex(where: \.isWhitespace).map { kept.index(after: $0) } ?? kept.startIndex
            let cutWord = kept[wordStart...] + rest.prefix { !$0.isWhitespace }
            if cutWord.contains(where: \.isNumber) {
                let before = String(kept[..<wordStart])
                kept = before.contains { !$0.isWhitespace } ? before : withoutTrailingNumber(kept)
            }
        }
        // One space before the mark when the cut falls between words: "→ …", not "→…".
        let betweenWords = kept.last?.isWhitespace ?? false
        while let last = kept.last, last.isWhitespace { kept.removeLast() }
        return kept + (betweenWords && !kept.isEmpty ? " " : "") + ellipsis
    }

    /// A single word too long for its place: kept up to the number it would cut (`抓包：…` rather than
    /// `抓包：12…`).
    private static func withoutTrailingNumber(_ text: String) -> String {
        var text = text
        while let last = text.last, last.isNumber || last == "." || last == ":" || last == "[" { text.removeLast() }
        return text
    }
}

/// A host's address and port in a box too narrow for both: the port is never cut, the address gives way.
enum AddressFit {
    static func fit(_ address: String, port: UInt16?, width: Int) -> String {
        guard TextWidth.of(address) > width, let port else { return TextFit.fit(address, width: width) }
        let tail = ":\(port)"
        let bracketed = address.hasPrefix("[")
        let short = (bracketed ? "[" : "") + TextFit.ellipsis + (bracketed ? "]" : "") + tail
        return TextWidth.of(short) <= width ? short : TextFit.fit(address, width: width)
    }
}

extension HeaderBar {
    /// Shorter forms of a lesson's title for the header, after the title alone: what follows its first colon
    /// (a capture's two addresses, a lesson's topic).
    static func shorter(_ title: String) -> [String] {
        guard
            let colon = title.indices.first(where: { index in
                title[index] == "：" || (title[index] == ":" && title[title.index(after: index)...].first == " ")
            })
        else { return [title] }
        let rest = title[title.index(after: colon)...].drop { $0 == " " }
        return rest.isEmpty ? [title] : [title, String(rest)]
    }
}
