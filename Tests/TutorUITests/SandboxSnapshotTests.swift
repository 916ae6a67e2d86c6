import LessonKit
import TCPCore
import Testing
import TimelineKit
import TutorSession
import TutorUI

/// The sandbox's screen at 80x24 and 120x40, English and Chinese, compared with text files: after a lost data
/// segment and its retransmission (a timer that fires says so), with a bad command (its caret), and with TCBs.
@Suite struct SandboxSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    static func session(_ commands: [String], keys: [Key] = [], language: Language) throws -> SandboxSession {
        let sandbox = try Sandbox(
            lessonText: Sandbox.freshLessonText(isn: PerHost(a: SequenceNumber(100), b: SequenceNumber(300))),
            file: "sandbox")
        var session = SandboxSession(sandbox: sandbox, language: language)
        for command in commands {
            for character in command { _ = session.update(.key(.character(character))) }
            _ = session.update(.key(.enter))
        }
        for key in keys { _ = session.update(.key(key)) }
        return session
    }

    static let lostAndResent = [
        "B listen", "A connect", "A > B", "B > A", "A > B", "A send 100", "drop A > B", "wait 1s",
    ]

    @Test(arguments: Language.allCases, sizes)
    func timerFired(language: Language, size: Size) throws {
        let session = try Self.session(Self.lostAndResent, language: language)
        try expectSnapshot(session.render(size: size), named: "sandbox-timer-\(language)-\(size.width)x\(size.height)")
    }

    @Test(arguments: Language.allCases)
    func badCommandAndTCB(language: Language) throws {
        let session = try Self.session(
            ["B listen", "A connect", "drop A > C"], keys: [.character("t")], language: language)
        let canvas = session.render(size: Size(width: 80, height: 24))
        try expectSnapshot(canvas, named: "sandbox-problem-\(language)-80x24")
        // The terminal's cursor stands on the empty command line, after its prompt.
        #expect(canvas.cursor?.x == 3 && canvas.cursor?.y == 22)
    }
}
