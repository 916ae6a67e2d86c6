import LessonKit
import Testing
import TimelineKit
import TutorSession
import TutorUI

/// The projector screen at 80x24 and 120x40, English and Chinese, compared with text files. Cells drawn
/// with `.solid` ink (reverse video: big letters, the step counter) appear as `█` in the files.
@Suite struct PresenterSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    /// The seed's handshake after `keys` (no animation: snapshots show arrivals).
    static func session(language: Language = .en, keys: [Key]) -> PresenterSession {
        var session = PresenterSession(timeline: BuiltInLessons.handshake, language: language)
        for key in keys { _ = session.update(.key(key)) }
        return session
    }

    /// Four clicks: B listen, A connect, the SYN, then the SYN-ACK's quiz question.
    static let toQuestion: [Key] = [.pageDown, .pageDown, .pageDown, .pageDown]

    static func snapshot(_ session: PresenterSession, _ size: Size, _ name: String) throws {
        try expectSnapshot(showingSolid(PresenterRenderer.render(session, size: size)), named: name)
    }

    @Test(arguments: Language.allCases, sizes)
    func questionPutToTheClass(language: Language, size: Size) throws {
        let session = Self.session(language: language, keys: Self.toQuestion)
        try Self.snapshot(session, size, "present-question-\(language)-\(size.width)x\(size.height)")
    }

    @Test(arguments: Language.allCases, sizes)
    func answerRevealed(language: Language, size: Size) throws {
        let session = Self.session(language: language, keys: Self.toQuestion + [.enter])
        try Self.snapshot(session, size, "present-answer-\(language)-\(size.width)x\(size.height)")
    }

    /// A projector's 160x50: the question and then the answer line in big letters across the screen, the text,
    /// and the segments so far filling the bottom.
    @Test(arguments: Language.allCases)
    func questionAndAnswerAt160x50(language: Language) throws {
        let size = Size(width: 160, height: 50)
        let question = Self.session(language: language, keys: Self.toQuestion)
        try Self.snapshot(question, size, "present-question-\(language)-160x50")
        let answer = Self.session(language: language, keys: Self.toQuestion + [.enter])
        try Self.snapshot(answer, size, "present-answer-\(language)-160x50")
    }

    @Test func callStepAndJumpEntry() throws {
        let session = Self.session(keys: [.pageDown, .pageDown, .character("g"), .character("4")])
        try Self.snapshot(session, Size(width: 100, height: 30), "present-jump-en-100x30")
    }

    @Test func refusedConnectionEndsWithTheReset() throws {
        var session = PresenterSession(timeline: BuiltInLessons.refused, language: .zh)
        _ = session.update(.key(.end))
        try Self.snapshot(session, Size(width: 120, height: 40), "present-refused-zh-120x40")
    }

    @Test func helpOverTheScreen() throws {
        let session = Self.session(keys: [.character("?")])
        try Self.snapshot(session, Size(width: 80, height: 24), "present-help-en")
    }
}

/// `canvas` with every solid blank cell written as `█`, so that a text snapshot shows reverse video.
func showingSolid(_ canvas: Canvas) -> Canvas {
    var copy = canvas
    for y in 0..<canvas.height {
        for x in 0..<canvas.width where canvas[x, y].ink == .solid && canvas[x, y].text == " " {
            copy.put(Cell("█", ink: .solid), x: x, y: y)
        }
    }
    return copy
}

/// A lost SYN, a step that only speaks, and a retransmission asked about, in relative numbers.
@Suite struct PresenterLossSnapshotTests {
    static let source = """
        id: presenter-loss
        title: A lost SYN
        title.zh: 丢失的 SYN
        summary: A SYN is lost and sent again.
        summary.zh: SYN 丢失后重发。
        hosts: A 10.0.0.1:44123, B 10.0.0.2:443
        isn: A 100000, B 900000
        numbers: relative
          en: A connects to B over a lossy network.
          zh: A 通过一个会丢包的网络连接 B。
        B listen
          en: B waits in LISTEN.
          zh: B 在 LISTEN 状态等待。
        A connect
          en: A sends its SYN and starts its retransmission timer.
          zh: A 发送 SYN，并启动重传定时器。
        drop A > B: S 0:0(0)
          en: The SYN is lost.
          zh: SYN 丢失了。
        say
          en: Nobody knows yet: B never saw it, and A is waiting for an answer.
          zh: 此时谁都不知道：B 没有收到它，A 还在等待回复。
        wait 1s
          en: A's timer fires and A sends the SYN again.
          zh: A 的定时器到期，A 重发 SYN。
        quiz flags seq ack
        A > B: S 0:0(0)
          en: The same SYN, with the same initial sequence number.
          zh: 同一个 SYN，初始序列号不变。
        """

    /// The lesson opened at frame `step` (0-based), on its question if it has one.
    static func session(at step: Int, language: Language = .en) throws -> PresenterSession {
        let run = LessonRunner.run(try LessonParser.parse(source, file: "presenter-loss.lesson"))
        #expect(run.diagnostics.isEmpty)
        var session = PresenterSession(timeline: run.timeline, language: language)
        for key in [Key.character("g")] + String(step + 1).map({ Key.character($0) }) + [.enter] {
            _ = session.update(.key(key))
        }
        return session
    }

    @Test func lostSegment() throws {
        let session = try Self.session(at: 3)
        try expectSnapshot(
            showingSolid(PresenterRenderer.render(session, size: Size(width: 100, height: 30))),
            named: "present-lost-en-100x30")
    }

    @Test func sayStepKeepsTheLostSegmentDimmed() throws {
        let session = try Self.session(at: 4, language: .zh)
        let canvas = PresenterRenderer.render(session, size: Size(width: 80, height: 24))
        #expect(canvas.cells.contains { $0.text == "X" && $0.ink == .dim })
        try expectSnapshot(showingSolid(canvas), named: "present-say-zh-80x24")
    }

    @Test func retransmissionAskedInRelativeNumbers() throws {
        let session = try Self.session(at: 6)
        guard case .asked = session.quizStage else {
            Issue.record("step 7 should open on its question")
            return
        }
        try expectSnapshot(
            showingSolid(PresenterRenderer.render(session, size: Size(width: 120, height: 40))),
            named: "present-relative-question-en-120x40")
    }
}
