import LessonKit
import Testing
import TimelineKit
import TutorSession
import TutorUI

/// The presenter without a full screen: numbered lines, one stop per typed line.
@Suite struct PresenterPlainTests {
    /// What the plain presenter prints for the typed `lines`.
    static func transcript(_ lines: [String], language: Language = .en) -> [String] {
        var input = lines[...]
        var output: [String] = []
        var presenter = PresenterPlain(
            session: PresenterSession(timeline: BuiltInLessons.handshake, language: language),
            readLine: { input.popFirst() }, write: { output.append($0) })
        presenter.run()
        return output
    }

    @Test func stepsToTheQuestionThenRevealsTheAnswer() throws {
        let output = Self.transcript(["", "", "", "", ""])
        #expect(
            output[0] == "The three-way handshake. A 192.168.1.116:3337, B 192.168.1.123:7788. "
                + "Numbers are absolute, as tcpdump -S prints them.")
        let question = try #require(output.firstIndex { $0.hasPrefix("Step 5 of 6. Question for the class") })
        #expect(output[question] == "Step 5 of 6. Question for the class: Who sends next?   Flags?   seq?   ack?")
        #expect(output[question + 1] == "  Numbers are absolute, as tcpdump -S prints them.")
        #expect(output[question + 2] == "  Last segment: A → B  S 3626544836:3626544836(0)")
        // Nothing of the answer before the reveal.
        #expect(!output[...(question + 3)].joined().contains("1739326486"))
        let answer = output[(question + 4)...]
        #expect(
            answer.first
                == "Step 5 of 6. B > A: S. 1739326486:1739326486(0) ack 3626544837. A: ESTABLISHED, B: SYN_RECEIVED.")
        #expect(answer.dropFirst().first == "  Answer: B → A   flags S. (SYN+ACK)   seq 1739326486   ack 3626544837")
        #expect(answer.contains { $0.hasPrefix("  Why: ") && $0.hasSuffix("RFC 9293 §3.10.7.2") })
    }

    @Test func aQuestionAfterACallSaysWhatTheCallDid() throws {
        let timeline = try #require(try CurriculumScreenTests.timelines().first { $0.lessonID == "data-transfer" })
        var input = Array(repeating: "", count: 12)[...]
        var output: [String] = []
        var presenter = PresenterPlain(
            session: PresenterSession(timeline: timeline, language: .en),
            readLine: { input.popFirst() }, write: { output.append($0) })
        presenter.run()
        let question = try #require(output.firstIndex { $0.contains("Data bytes?") })
        let block = output[question...].prefix { !$0.contains("Enter reveals") }
        #expect(block.contains("  Then: A: send 100 bytes"), "\(block)")
        #expect(!block.joined().contains("(100)"), "the answer is not on the screen before the reveal")
    }

    @Test func backJumpLanguageAndQuit() {
        let output = Self.transcript(["5", "b", "9", "l", "q", "never read"])
        #expect(output.contains { $0.hasPrefix("Step 5 of 6. Question for the class") })
        #expect(output.contains("Step 4 of 6. A > B: S 3626544836:3626544836(0). A: SYN_SENT, B: SYN_RECEIVED."))
        // Step 9 does not exist: nothing moves.
        #expect(output.contains("(nothing more this way)"))
        #expect(output.contains("第 4 步，共 6 步。A > B: S 3626544836:3626544836(0)。A：SYN_SENT，B：SYN_RECEIVED。"))
        #expect(!output.contains { $0.contains("never read") })
    }

    @Test func chineseQuestion() {
        let output = Self.transcript(["5"], language: .zh)
        #expect(output.contains("第 5 步，共 6 步。请全班回答：下一个报文段由谁发送？   标志位？   序列号 seq？   确认号 ack？"))
        #expect(output.contains("  序列号和确认号用绝对值，与 tcpdump -S 的输出相同。"))
    }
}
