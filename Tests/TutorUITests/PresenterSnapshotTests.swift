import LessonKit
import Testing
import TutorSession
import TutorUI

/// The projector screen at 80x24 and 120x40, English and Chinese, compared with text files. Cells drawn
/// with `.solid` ink (reverse video: big letters, the step counter) appear as `█` in the files.
@Suite struct PresenterSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    /// The seed's handshake after `keys` (no animation: snapshots show arrivals).
    static func session(language: Language = .en, keys: [Key]) -> PresenterSession {
        var session = PresenterSession(timeline: SampleLessons.handshake, language: language)
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

    @Test func callStepAndJumpEntry() throws {
        let session = Self.session(keys: [.pageDown, .pageDown, .character("g"), .character("4")])
        try Self.snapshot(session, Size(width: 100, height: 30), "present-jump-en-100x30")
    }

    @Test func refusedConnectionEndsWithTheReset() throws {
        var session = PresenterSession(timeline: SampleLessons.refused, language: .zh)
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
