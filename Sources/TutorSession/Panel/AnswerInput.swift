/// The text of one answer field being typed, with its cursor. It edits like any text field: a key types at
/// the cursor, Backspace and Delete remove the character before and under it, and nothing but those keys
/// changes the text (a letter already there is typed again, never taken away). A parse error is shown beside
/// the text and moves neither the text nor the cursor.
public struct AnswerInput: Hashable, Sendable {
    /// Longest answer accepted; longer input is refused.
    public static let maximumLength = 40

    public private(set) var characters: [Character] = []
    /// 0-based position of the cursor, from 0 to `characters.count`.
    public private(set) var cursor = 0

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isBlank: Bool { characters.allSatisfy { $0 == " " || $0 == "\t" } }

    /// Inserts a character at the cursor; false when the field is full.
    mutating func insert(_ character: Character) -> Bool {
        guard characters.count < Self.maximumLength else { return false }
        characters.insert(character, at: cursor)
        cursor += 1
        return true
    }

    /// Whether a space typed now could be part of an answer: it separates two words (`fin ack`,
    /// `3626544836 + 1`, `host A`), so it follows a character that is not a space and does not touch another
    /// space. A space at the start of a field, or next to a space, is the space bar pressed to go on.
    var acceptsSpace: Bool {
        guard cursor > 0, !Self.isSpace(characters[cursor - 1]) else { return false }
        return cursor == characters.count || !Self.isSpace(characters[cursor])
    }

    static func isSpace(_ character: Character) -> Bool { character == " " || character == "\t" }

    /// Deletes the character before the cursor; false at the start.
    mutating func deleteBackward() -> Bool {
        guard cursor > 0 else { return false }
        characters.remove(at: cursor - 1)
        cursor -= 1
        return true
    }

    /// Deletes the character under the cursor; false at the end.
    mutating func deleteForward() -> Bool {
        guard cursor < characters.count else { return false }
        characters.remove(at: cursor)
        return true
    }

    /// Moves the cursor by `offset` characters; false when it cannot move.
    mutating func moveCursor(by offset: Int) -> Bool {
        let target = cursor + offset
        guard (0...characters.count).contains(target) else { return false }
        cursor = target
        return true
    }

    mutating func moveCursor(to position: Int) {
        cursor = min(max(position, 0), characters.count)
    }

    mutating func replace(with text: String) {
        characters = Array(text.prefix(Self.maximumLength))
        cursor = characters.count
    }
}
