import Foundation
import TCPTutorTestSupport
import Testing

/// `tcptutor quiz` without a terminal: numbered lines, answers read from a pipe, scores saved to progress.
@Suite("Command line: quiz through a pipe")
struct QuizCommandLineTests {
    @Test("a plain quiz reads answers from a pipe, re-asks a typo with a caret, gives a hint and saves the score")
    func plainQuizDrivenThroughAPipe() throws {
        let home = try TemporaryFolder.make("tcptutor-plain-quiz")
        defer { try? FileManager.default.removeItem(at: home) }
        // Right, then a seq with a typo (re-asked with a caret), then the ack forgetting the SYN's number,
        // then the help, a hint, and input ends.
        let answers = "S\n3626544836\n-\nS.\n17393x\n3626544836\n1739326486\n?\nh\n"
        // The progress file where XDG_STATE_HOME is not set: under HOME.
        let result = try TutorProgram.run(
            ["quiz", "three-way-handshake"], input: answers, environment: ["XDG_STATE_HOME": nil], home: home)
        let text = result.output + result.errors
        #expect(result.status == 0, "\(text)")
        #expect(!text.contains("\u{1B}["), "no terminal escapes in plain mode")
        #expect(text.contains("1. The three-way handshake, step"))
        #expect(text.contains("6 of 6 points"))
        #expect(text.contains("  17393x\n       ^\n"), "\(text)")
        #expect(text.contains("right: 3626544837"))
        #expect(text.contains("h: a hint (it costs points)"), "? lists what can be typed: \(text)")
        #expect(text.contains("Rule:"), "h gave the hint")
        #expect(text.contains("2 of 3 questions answered, 10 of 12 points"), "\(text)")
        let progress = try String(
            contentsOfFile: home.path + "/.local/state/tcptutor/progress.json", encoding: .utf8)
        #expect(progress.contains("\"three-way-handshake\""), "\(progress)")
    }
}
