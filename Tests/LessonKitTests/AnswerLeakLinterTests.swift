import Foundation
import LessonKit
import Testing

/// `check` warns about narration on screen before a question that names its answer (TEACHING.md rule 12).
@Suite struct AnswerLeakLinterTests {
    static func warnings(_ steps: String) throws -> [Diagnostic] {
        let source = """
            id: leak
            title: Leak
            title.zh: 泄露
            summary: A lesson.
            summary.zh: 一课。
            hosts: A 10.0.0.1:40000, B 10.0.0.2:80
            isn: A 1000, B 5000

            """ + steps
        let lesson = try LessonParser.parse(source, file: "leak.lesson")
        let run = LessonRunner.run(lesson)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        return AnswerLeakLinter.warnings(run.timeline, file: "leak.lesson")
    }

    static let handshake = """
        B listen
        A connect
        A > B: S 1000:1000(0)
          en: B now expects {B.rcv.nxt}.
          zh: B接下来期望{B.rcv.nxt}。
        quiz flags seq ack
        B > A: S. 5000:5000(0) ack 1001

        """

    @Test func aNumberTheQuestionAsksIsNamedBeforeIt() throws {
        let found = try Self.warnings(Self.handshake)
        let warning = try #require(found.first)
        #expect(found.count == 1)
        #expect(warning.isWarning)
        #expect(
            warning.description
                == "leak.lesson:10:1: warning: narration before the quiz at line 13 names its answer '1001': "
                + "move it after the segment (TEACHING.md rule 12)")
    }

    @Test func theSameNarrationAfterTheAnswerIsFine() throws {
        let found = try Self.warnings(
            """
            B listen
            A connect
            A > B: S 1000:1000(0)
            quiz flags seq ack
            B > A: S. 5000:5000(0) ack 1001
              en: B expected {B.rcv.nxt}, and says so.
              zh: B期望的是{B.rcv.nxt}。

            """)
        #expect(found.isEmpty, "\(found)")
    }

    @Test func theStateASegmentsSenderEntersAndItsFlagNamesAreAnswersToo() throws {
        let found = try Self.warnings(
            """
            B listen
            A connect
            A > B: S 1000:1000(0)
            B > A: S. 5000:5000(0) ack 1001
            A > B: . 1001:1001(0) ack 5001
            say
              en: Next A closes: it sends a FIN+ACK and enters FIN_WAIT_1.
              zh: 接下来A关闭。
            A close
            quiz flags
            A > B: F. 1001:1001(0) ack 5001

            """)
        #expect(found.map(\.message).first?.contains("'FIN+ACK'") == true, "\(found)")
        // The call's own narration comes after the question: it may say what the call sends.
        let after = try Self.warnings(
            """
            B listen
            A connect
            A > B: S 1000:1000(0)
            B > A: S. 5000:5000(0) ack 1001
            A > B: . 1001:1001(0) ack 5001
            A close
              en: A sends a FIN+ACK and enters FIN_WAIT_1.
              zh: A发出FIN+ACK，进入FIN_WAIT_1。
            quiz flags
            A > B: F. 1001:1001(0) ack 5001

            """)
        #expect(after.isEmpty, "\(after)")
    }

    @Test func aNumberOnTheLadderIsGivenNotAnAnswer() throws {
        // The third segment's seq is the ack the SYN+ACK carried: reading it off the ladder is the skill asked.
        let found = try Self.warnings(
            """
            B listen
            A connect
            A > B: S 1000:1000(0)
            B > A: S. 5000:5000(0) ack 1001
              en: B acknowledges {B.rcv.nxt}.
              zh: B确认到{B.rcv.nxt}。
            quiz seq ack
            A > B: . 1001:1001(0) ack 5001

            """)
        #expect(found.isEmpty, "\(found)")
    }

    @Test func anISNIsGivenNotAnAnswer() throws {
        let found = try Self.warnings(
            """
              en: A's ISN is {A.iss}.
              zh: A的初始序列号是{A.iss}。
            B listen
            A connect
            quiz flags seq
            A > B: S 1000:1000(0)

            """)
        #expect(found.isEmpty, "\(found)")
    }

    @Test func aCallShownAfterTheAnswerMustNotAskWhatComesNext() throws {
        let found = try Self.warnings(
            """
            B listen
            A connect
              en: A calls connect(). What is the first segment?
              zh: A调用connect()。第一个报文段是什么？
            quiz flags seq ack
            A > B: S 1000:1000(0)

            """)
        #expect(
            found.map(\.description) == [
                "leak.lesson:9:1: warning: this step is shown after the quiz at line 12 is answered: "
                    + "its narration should not ask what comes next"
            ])
    }

    @Test func aTimeoutTheTimeQuestionAsksIsNamedBeforeIt() throws {
        let steps = """
            B listen
            A connect
            drop A > B: S 1000:1000(0)
              en: NARRATION
              zh: SYN丢了。
            wait 2s
            quiz time
            A > B: S 1000:1000(0)

            """
        for leak in ["A retransmits after one second.", "The timer is set to 1 s.", "It waits 1000 ms."] {
            let found = try Self.warnings(steps.replacingOccurrences(of: "NARRATION", with: leak))
            #expect(found.count == 1, "\(leak)")
            #expect(found.first?.description.contains("names its answer") == true, "\(leak)")
        }
        // The wait itself is longer than the timeout, and other durations are no answer.
        for fine in ["The SYN is lost.", "A waits 2 s.", "The 1 segment is lost."] {
            #expect(try Self.warnings(steps.replacingOccurrences(of: "NARRATION", with: fine)).isEmpty, "\(fine)")
        }
    }
}
