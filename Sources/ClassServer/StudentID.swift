/// A student's id as the class server knows it: the SSH user name, case-folded and checked, so that `Ada` and
/// `ada` are one student with one progress book, and an id can name a folder under the server's data directory.
public struct StudentID: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// Why a user name is refused as a student id, in words the student sees.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case tooLong(Int)
        case badCharacter(Character)
        case startsWithPunctuation

        public var description: String {
            switch self {
            case .empty: return "a student id cannot be empty"
            case .tooLong(let count):
                return "a student id has at most \(StudentID.maximumLength) characters, not \(count)"
            case .badCharacter(let character):
                return "a student id has only letters a-z, digits, '.', '_' and '-', not '\(character)'"
            case .startsWithPunctuation: return "a student id starts with a letter or a digit"
            }
        }
    }

    public static let maximumLength = 32

    /// Case-folds `userName` and checks it: ASCII letters and digits, then '.', '_' or '-' after the first
    /// character, so no id is "." or "..", none holds a path separator, and none hides a look-alike letter.
    public init(userName: String) throws(Problem) {
        let folded = userName.lowercased()
        guard let first = folded.first else { throw .empty }
        guard folded.count <= Self.maximumLength else { throw .tooLong(folded.count) }
        for character in folded where !Self.isAllowed(character) {
            throw .badCharacter(character)
        }
        guard first.isASCII, first.isLetter || first.isNumber else { throw .startsWithPunctuation }
        value = folded
    }

    public var description: String { value }

    private static func isAllowed(_ character: Character) -> Bool {
        guard character.isASCII else { return false }
        return character.isLetter || character.isNumber || character == "." || character == "_" || character == "-"
    }
}
