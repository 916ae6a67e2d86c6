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

/// What a client may set: the terminal's size within reason, the language and nothing else.
struct SessionLimitsTests {
    @Test(arguments: [
        (0, 0, 1, 1), (80, 24, 80, 24), (4_000_000_000, 3, 999, 3), (-5, 100_000, 1, 499),
    ])
    func absurdWindowSizesAreClamped(columns: Int, rows: Int, clampedColumns: Int, clampedRows: Int) {
        let size = TutorProcess.clamp(columns: columns, rows: rows)
        #expect(size.columns == clampedColumns && size.rows == clampedRows)
    }

    @Test func onlyTheLanguageVariablesAreTakenFromTheClient() {
        #expect(TutorLaunch.acceptsVariable("LANG"))
        #expect(TutorLaunch.acceptsVariable("LC_ALL"))
        #expect(TutorLaunch.acceptsVariable("LC_CTYPE"))
        for name in ["PATH", "LD_PRELOAD", "XDG_STATE_HOME", "TCPTUTOR_LESSONS", "LC_", "LC_all", "LANGUAGE"] {
            #expect(!TutorLaunch.acceptsVariable(name), "\(name)")
        }
    }
}
