import LessonKit
import Testing
import TimelineKit
import TutorSession

@testable import TutorUI

/// The plain mode: the same lesson as numbered lines, driven by lines of input.
@Suite struct PlainModeTests {
    static let lessons = [
        LessonEntry(fileName: "01.lesson", content: .success(BuiltInLessons.handshake)),
        LessonEntry(fileName: "02.lesson", content: .success(BuiltInLessons.refused)),
    ]

    /// Runs the plain tutor on `input` lines and returns what it printed and the last progress saved.
    static func run(_ input: [String], language: Language = .en, progress: ProgressBook = ProgressBook()) -> (
        output: [String], saved: ProgressBook?
    ) {
        var remaining = input[...]
        var output: [String] = []
        var saved: ProgressBook?
        var tutor = PlainTutor(
            session: TutorSession(lessons: lessons, progress: progress, language: language, animates: false))
        tutor.run(
            PlainConsole(
                readLine: { remaining.popFirst() }, write: { output.append($0) }, saveProgress: { saved = $0 }))
        return (output, saved)
    }

    @Test func enterStepsThroughTheHandshakeWithStatesInEveryLine() throws {
        let (output, saved) = Self.run(["1", "", "", "", "", "", "", "q", "q"])
        #expect(output.first == "TCPTutor: Lessons")
        #expect(output.contains("1. The three-way handshake (not started)"))
        #expect(output.contains("Step 1 of 6. start. A: CLOSED, B: CLOSED."))
        #expect(output.contains("Step 3 of 6. A: connect(). A: SYN_SENT, B: LISTEN."))
        #expect(output.contains("Step 4 of 6. A > B: S 3626544836:3626544836(0). A: SYN_SENT, B: SYN_RECEIVED."))
        #expect(output.contains("Step 5 of 6. Quiz: Who sends next, which flags, seq, ack?"))
        #expect(
            output.contains(
                "Step 5 of 6. B > A: S. 1739326486:1739326486(0) ack 3626544837. A: ESTABLISHED, B: SYN_RECEIVED."))
        let last = try #require(output.firstIndex { $0.hasPrefix("Step 6 of 6. A > B: . 3626544837:3626544837(0)") })
        #expect(output[last].hasSuffix("A: ESTABLISHED, B: ESTABLISHED."))
        #expect(output.contains("  End of the lesson. Enter: the next lesson; q: the menu."))
        #expect(saved?["three-way-handshake"]?.completed == true)
        #expect(output.last?.hasPrefix("Type a lesson number") == true, "q went back to the menu, the second q quit")
    }

    @Test func enterAtTheEndGoesOnToTheNextLessonAndTheLastSaysSo() throws {
        let (output, saved) = Self.run(["1", "", "", "", "", "", "", "", "End", "q", "q"])
        let end = try #require(output.firstIndex(of: "  End of the lesson. Enter: the next lesson; q: the menu."))
        #expect(output[(end + 1)...].contains { $0.hasPrefix("Step 1 of") && $0.contains("start") })
        #expect(saved?["three-way-handshake"]?.completed == true)
        #expect(
            saved?["connection-refused"]?.step == BuiltInLessons.refused.frames.count - 1,
            "the next lesson was opened, and End took it to its last step")
    }

    @Test func backJumpTCBAndRelativeNumbers() {
        let (output, _) = Self.run(["", "4", "t", "r", "b"])
        #expect(output.contains("Step 4 of 6. A > B: S 3626544836:3626544836(0). A: SYN_SENT, B: SYN_RECEIVED."))
        #expect(
            output.contains(
                "  B TCB: ISS 1739326486, IRS 3626544836, SND.UNA 1739326486, SND.NXT 1739326487, RCV.NXT 3626544837"))
        #expect(output.contains("Step 4 of 6. A > B: S 0:0(0). A: SYN_SENT, B: SYN_RECEIVED."))
        #expect(output.contains("  B TCB: ISS 0, IRS 0, SND.UNA 0, SND.NXT 1, RCV.NXT 1"))
        let back = output.suffix(4)
        #expect(back.first == "Step 3 of 6. A: connect(). A: SYN_SENT, B: LISTEN.")
        #expect(back.contains("  A TCB: ISS 0, IRS -, SND.UNA 0, SND.NXT 1, RCV.NXT -"))
    }

    @Test func chineseAndTheEndOfInput() {
        let (output, saved) = Self.run(["l", "2", "", ""], language: .en)
        #expect(output.contains("TCPTutor: 课程"))
        #expect(output.contains("2. 连接被拒绝（未开始）"))
        #expect(output.contains("第 2 步，共 4 步。A: connect()：主动打开。A：SYN_SENT，B：CLOSED。"))
        #expect(saved?.language == .zh)
        #expect(saved?["connection-refused"]?.step == 2, "the progress is saved when the input ends")
    }

    @Test func aLineThatMeansNothingSaysSo() {
        let (output, _) = Self.run(["", "b"])
        #expect(output.last == "(nothing more this way)")
    }

    @Test func numbersOutOfRangeSayTheRangeInTheMenuAndInALesson() {
        let (output, _) = Self.run(["99", "0", "1", "99", "-3"])
        #expect(output.contains("No lesson 99: lessons 1-2."))
        #expect(output.contains("No lesson 0: lessons 1-2."))
        #expect(output.contains("No step 99: steps 1-6."))
        #expect(output.last == "(nothing more this way)", "-3 is no step number")
        let (chinese, _) = Self.run(["99", "1", "99"], language: .zh)
        #expect(chinese.contains("没有第 99 课：课程为 1-2。"))
        #expect(chinese.contains("没有第 99 步：步骤为 1-6。"))
    }

    @Test func theMenuOffersTheLessonInProgressAndItsOwnKeys() throws {
        var progress = ProgressBook()
        progress.record(lessonID: "connection-refused", step: 1, stepCount: 4)
        let (output, _) = Self.run(["?", ""], progress: progress)
        #expect(output.contains { $0.hasPrefix("Type a lesson number") && $0.contains("Enter alone: lesson 2") })
        #expect(output.contains("  Enter: open lesson 2, where you left it"))
        let opened = try #require(output.firstIndex { $0.hasPrefix("Connection refused.") })
        #expect(!output[..<opened].contains { $0.contains("next step") }, "the menu's keys, not the lesson's")
        #expect(output.contains("Step 2 of 4. A: connect(). A: SYN_SENT, B: CLOSED."), "Enter resumed lesson 2")
    }
}

/// A `say` step does nothing and passes no time: its plain line gives the step and the states, nothing else.
@Suite struct PlainSayStepTests {
    static let source = """
        id: say-step
        title: Say
        title.zh: 说明
        summary: A step that only narrates.
        summary.zh: 只有叙述的一步。
        hosts: A 10.0.0.1:1000, B 10.0.0.2:80
        isn: A 100, B 300

        B listen
        say
          en: Only words here.
          zh: 这里只有文字。
        """

    @Test(arguments: Language.allCases)
    func sayStepShowsNoTimePassing(language: Language) throws {
        let run = LessonRunner.run(try LessonParser.parse(Self.source, file: "say.lesson"))
        var session = TutorSession(
            lessons: [LessonEntry(fileName: "say.lesson", content: .success(run.timeline))], language: language,
            animates: false)
        _ = session.update(.key(.enter))
        _ = session.update(.key(.right))
        _ = session.update(.key(.right))
        let lines = PlainText.describe(session)
        let expected = language == .en ? "Step 3 of 3. A: CLOSED, B: LISTEN." : "第 3 步，共 3 步。A：CLOSED，B：LISTEN。"
        #expect(lines.first == expected, "\(lines)")
    }
}
