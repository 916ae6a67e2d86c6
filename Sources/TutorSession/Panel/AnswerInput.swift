import TCPCore

/// The text of one answer field being typed, with its cursor. Editing never loses what was typed: a parse
/// error is shown beside the text, which stays as it was.
public struct AnswerInput: Hashable, Sendable {
    /// Longest answer accepted; longer input is refused with a bell.
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

    /// Deletes the character before the cursor; false at the start.
    mutating func deleteBackward() -> Bool {
        guard cursor > 0 else { return false }
        characters.remove(at: cursor - 1)
        cursor -= 1
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

    /// Flips a flag letter when the field holds only flag letters (`S`, `S.`, `SA`), so S A F R P U work as
    /// toggles; once a word is being typed (`SYN,`, `syn+`) the letter is typed like any other.
    mutating func toggleFlagLetter(_ character: Character) -> Bool {
        let letter = Character(character.uppercased())
        guard Self.toggleLetters.contains(letter), isFlagLetterSet else { return insert(character) }
        if let index = characters.firstIndex(where: { Character($0.uppercased()) == letter }) {
            characters.remove(at: index)
            cursor = characters.count
            return true
        }
        // ACK is '.' in tcpdump's letters: typing A when '.' is there takes the dot away, as a toggle should.
        if letter == "A", let dot = characters.firstIndex(of: ".") {
            characters.remove(at: dot)
            cursor = characters.count
            return true
        }
        cursor = characters.count
        return insert(character)
    }

    /// The letters that toggle a flag in the flags field.
    static let toggleLetters: Set<Character> = ["S", "A", "F", "R", "P", "U"]

    /// The flags of a field that holds only toggled letters, where `A` stands for ACK (tcpdump's '.');
    /// nil for anything else, which the answer parser reads.
    var toggledFlags: TCPFlags? {
        guard !isBlank, isFlagLetterSet, characters.contains(where: { $0 == "A" || $0 == "a" }) else { return nil }
        var flags: TCPFlags = []
        for character in characters {
            switch character.uppercased() {
            case "S": flags.insert(.syn)
            case "A", ".": flags.insert(.ack)
            case "F": flags.insert(.fin)
            case "R": flags.insert(.rst)
            case "P": flags.insert(.psh)
            case "U": flags.insert(.urg)
            default: continue
            }
        }
        return flags
    }

    /// Whether the text is only single flag letters and dots, each letter once.
    var isFlagLetterSet: Bool {
        var seen: Set<Character> = []
        for character in characters {
            let upper = Character(character.uppercased())
            if character == "." || character == " " { continue }
            guard Self.toggleLetters.contains(upper), seen.insert(upper).inserted else { return false }
        }
        return true
    }
}
