import Testing

@testable import ClassServer

/// Student ids: the SSH user name, case-folded, checked before it names a folder in the server's store.
struct StudentIDTests {
    @Test func userNamesAreCaseFolded() throws {
        #expect(try StudentID(userName: "Ada.Lovelace_1815").value == "ada.lovelace_1815")
        #expect(try StudentID(userName: "S1234567") == StudentID(userName: "s1234567"))
    }

    @Test(arguments: [
        ("", StudentID.Problem.empty),
        ("..", .startsWithPunctuation),
        ("-rf", .startsWithPunctuation),
        ("a/b", .badCharacter("/")),
        ("ada lovelace", .badCharacter(" ")),
        ("аda", .badCharacter("а")),  // a Cyrillic look-alike
        (String(repeating: "x", count: 33), .tooLong(33)),
    ])
    func badUserNamesAreRefusedWithTheReason(userName: String, problem: StudentID.Problem) {
        #expect(throws: problem) { try StudentID(userName: userName) }
    }

    @Test func theLongestIdIsAccepted() throws {
        #expect(try StudentID(userName: String(repeating: "x", count: 32)).value.count == 32)
    }
}
