import Crypto
import NIOSSH
import Testing

@testable import ClassServer

/// `--roster`: what a line may say, what is kept (hashes, never a password), and every malformed line named.
struct RosterTests {
    /// Few rounds: the tests check the format and the comparison, not the cost.
    static let rounds = 1_000

    static func publicLine() -> String {
        String(openSSHPublicKey: NIOSSHPrivateKey(ed25519Key: Curve25519.Signing.PrivateKey()).publicKey)
    }

    @Test func passwordsAreHashedSaltedAndCheckedAgainstTheHashOnly() throws {
        let hash = PasswordHash(hashing: "open sesame", rounds: Self.rounds)
        #expect(hash.matches("open sesame"))
        #expect(!hash.matches("open sesame "))
        #expect(!hash.matches(""))
        #expect(hash != PasswordHash(hashing: "open sesame", rounds: Self.rounds), "a fresh salt every time")
        let text = hash.description
        #expect(text.hasPrefix("$pbkdf2-sha256$1000$") && !text.contains("sesame"))
        let read = try #require(PasswordHash(text))
        #expect(read == hash && read.matches("open sesame"))
    }

    @Test(arguments: [
        "$pbkdf2-sha256$1000$c2FsdHNhbHQ=", "$pbkdf2-sha256$x$c2FsdHNhbHQ=$AAAA", "$pbkdf2-sha1$1000$c2FsdHNhbHQ=$AAAA",
        "$pbkdf2-sha256$1000$c2FsdHNhbHQ=$c2hvcnQ=",
        "$pbkdf2-sha256$0$c2FsdHNhbHQ=$" + String(repeating: "A", count: 44),
    ])
    func malformedHashesAreNotRead(text: String) {
        #expect(PasswordHash(text) == nil)
    }

    @Test func aRosterListsPasswordsKeysAndHashesPerId() throws {
        let key = Self.publicLine()
        let hashed = PasswordHash(hashing: "kept", rounds: Self.rounds)
        let text = """
            id,password
            # the tutorial group of Monday
            Ada,pass, with a comma\r
            ada,\(key) ada@laptop

            bob,\(hashed)
            """
        let roster = try Roster.parse(text, file: "class.csv", rounds: Self.rounds)
        let ada = try #require(roster.entries[StudentID(userName: "ada")])
        #expect(ada.passwords.count == 1 && ada.passwords[0].matches("pass, with a comma"))
        #expect(ada.keys == [try NIOSSHPublicKey(openSSHPublicKey: key)])
        let bob = try #require(roster.entries[StudentID(userName: "bob")])
        #expect(bob.passwords == [hashed])
        #expect(roster.plainPasswords == 1)
        // What is kept reads back as the same roster, with no password in it.
        let kept = roster.keptText
        #expect(!kept.contains("pass, with a comma"))
        let again = try Roster.parse(kept, file: "roster.csv", rounds: Self.rounds)
        let adaAgain = try #require(again.entries[StudentID(userName: "ada")])
        #expect(adaAgain.passwords == ada.passwords && adaAgain.keys == ada.keys)
        #expect(again.plainPasswords == 0)
    }

    @Test func everyMalformedLineIsReportedWithItsFileAndLine() {
        let text =
            "ada,ok\nnocomma\n../x,pw\nINSTRUCTOR,pw\nbob,\ncarl,ssh-ed25519 AAAA!!\ndan,$pbkdf2-sha256$9$x$y\neve,ssh-rsa AAAAB3 e\n"
        #expect {
            try Roster.parse(text, file: "class.csv", rounds: Self.rounds)
        } throws: { error in
            let lines = (error as? Roster.Problems)?.lines ?? []
            let expected = [
                "class.csv:2: expected", "class.csv:3: '../x' is not a student id", "class.csv:4: 'instructor' is not",
                "class.csv:5: the password for 'bob' is empty", "class.csv:6: the ssh-ed25519 key cannot be read",
                "class.csv:7: a hashed password is written", "class.csv:8: RSA and DSA keys are not accepted",
            ]
            return lines.count == expected.count && zip(lines, expected).allSatisfy { $0.hasPrefix($1) }
        }
        #expect(throws: Roster.Problems.self) { try Roster.parse("# nobody\n", file: "empty.csv", rounds: Self.rounds) }
    }
}

/// Failed logins: five in a minute block that id and that address for the rest of the minute.
struct LoginLimiterTests {
    @Test func fiveFailuresBlockTheIdAndTheAddressUntilTheWindowHasPassed() {
        let limiter = LoginLimiter(limit: 5, window: .seconds(60))
        let start = ContinuousClock.now
        for second in 0..<4 {
            limiter.failed(id: "ada", address: "192.0.2.1", now: start + .seconds(second))
        }
        #expect(limiter.blocked(id: "ada", address: "192.0.2.1", now: start + .seconds(5)) == nil, "four are allowed")
        limiter.failed(id: "ada", address: "192.0.2.1", now: start + .seconds(5))
        #expect(limiter.blocked(id: "ada", address: "192.0.2.9", now: start + .seconds(6)) == .seconds(54))
        #expect(limiter.blocked(id: "bob", address: "192.0.2.1", now: start + .seconds(6)) == .seconds(54))
        #expect(limiter.blocked(id: "bob", address: "192.0.2.9", now: start + .seconds(6)) == nil)
        #expect(
            limiter.blocked(id: "ada", address: "192.0.2.1", now: start + .seconds(61)) == nil, "the first has aged out"
        )
    }
}

/// Terminal sizes: zero is "not given", past 999x499 is refused.
struct WindowSizeTests {
    @Test func realSizesAreTakenAndAbsurdOnesRefused() {
        let current = (columns: 80, rows: 24)
        #expect(WindowSize(columns: 999, rows: 499).map { $0.or(current) == (999, 499) } == true)
        #expect(WindowSize(columns: 0, rows: 0).map { $0.or(current) == (80, 24) } == true, "zero is not given")
        #expect(WindowSize(columns: 120, rows: 0).map { $0.or(current) == (120, 24) } == true)
        #expect(WindowSize(columns: 100_000, rows: 100_000) == nil)
        #expect(WindowSize(columns: 1000, rows: 30) == nil)
        #expect(WindowSize(columns: 80, rows: 500) == nil)
        #expect(WindowSize(columns: -1, rows: 24) == nil)
    }
}
