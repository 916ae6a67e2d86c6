import LessonKit
import Testing
import TimelineKit
import TutorSession
import TutorUI

/// Whole screens at 80x24 and 120x40, English and Chinese, compared with text files.
@Suite struct ScreenSnapshotTests {
    static let lessons = [
        LessonEntry(fileName: "01-handshake.lesson", content: .success(BuiltInLessons.handshake)),
        LessonEntry(fileName: "02-refused.lesson", content: .success(BuiltInLessons.refused)),
        LessonEntry(
            fileName: "03-broken.lesson",
            content: .failure(LessonProblem(message: "03-broken.lesson:4:1: unknown directive 'expct'"))),
    ]

    /// A session after pressing `keys` (animation off: snapshots show arrivals). The menu starts on the lesson
    /// in progress, the refused connection: `.home, .enter` opens the handshake.
    static func session(language: Language = .en, keys: [Key]) -> TutorSession {
        var progress = ProgressBook()
        progress.record(lessonID: "connection-refused", step: 1, stepCount: 4)
        var session = TutorSession(lessons: lessons, progress: progress, language: language, animates: false)
        for key in keys { _ = session.update(.key(key)) }
        return session
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test(arguments: Language.allCases, sizes)
    func menu(language: Language, size: Size) throws {
        let session = Self.session(language: language, keys: [])
        try expectSnapshot(
            ScreenRenderer.render(session, size: size), named: "menu-\(language)-\(size.width)x\(size.height)")
    }

    @Test(arguments: Language.allCases, sizes)
    func synAckArrived(language: Language, size: Size) throws {
        // Home and Enter open the handshake; four steps: listen, connect, SYN, then the quiz question, whose panel takes the keys;
        // Esc hands them back and the fifth step reveals the SYN-ACK unanswered.
        let keys: [Key] = [.home, .enter, .right, .right, .right, .right, .escape, .right]
        let session = Self.session(language: language, keys: keys)
        try expectSnapshot(
            ScreenRenderer.render(session, size: size), named: "synack-\(language)-\(size.width)x\(size.height)")
    }

    @Test(arguments: Language.allCases)
    func quizQuestionWithTCB(language: Language) throws {
        let session = Self.session(
            language: language, keys: [.home, .enter, .right, .right, .right, .right, .escape, .character("t")])
        try expectSnapshot(
            ScreenRenderer.render(session, size: Size(width: 80, height: 24)), named: "quiz-tcb-\(language)")
    }

    @Test func lastStepRelativeNumbersWithTCB() throws {
        let session = Self.session(keys: [.home, .enter, .end, .character("t"), .character("r")])
        try expectSnapshot(
            ScreenRenderer.render(session, size: Size(width: 100, height: 30)), named: "end-relative-tcb")
    }

    @Test func helpOverLesson() throws {
        let session = Self.session(keys: [.home, .enter, .right, .character("?")])
        try expectSnapshot(ScreenRenderer.render(session, size: Size(width: 80, height: 24)), named: "help-en")
    }

    @Test func jumpDialog() throws {
        let session = Self.session(language: .zh, keys: [.home, .enter, .character("g"), .character("4")])
        try expectSnapshot(ScreenRenderer.render(session, size: Size(width: 80, height: 24)), named: "jump-zh")
    }

    @Test func resetLesson() throws {
        let session = Self.session(keys: [.enter, .end])
        try expectSnapshot(ScreenRenderer.render(session, size: Size(width: 80, height: 24)), named: "refused-end")
    }

    @Test func helpOverTheMenuListsTheMenusKeys() throws {
        let session = Self.session(keys: [.character("?")])
        try expectSnapshot(ScreenRenderer.render(session, size: Size(width: 80, height: 24)), named: "menu-help-en")
    }

    @Test(arguments: Language.allCases)
    func aStepOutOfRangeIsAnsweredWithTheRange(language: Language) throws {
        let keys: [Key] = [.home, .enter, .character("g"), .character("9"), .character("9"), .enter]
        let session = Self.session(language: language, keys: keys)
        try expectSnapshot(
            ScreenRenderer.render(session, size: Size(width: 80, height: 24)), named: "jump-refused-\(language)")
    }

    @Test(arguments: Language.allCases)
    func aLessonOutOfRangeIsAnsweredWithTheRange(language: Language) throws {
        let keys: [Key] = [.character("g"), .character("9"), .character("9"), .enter]
        let session = Self.session(language: language, keys: keys)
        try expectSnapshot(
            ScreenRenderer.render(session, size: Size(width: 80, height: 24)),
            named: "menu-jump-refused-\(language)")
    }

    @Test func tooSmall() throws {
        let session = Self.session(keys: [.enter])
        try expectSnapshot(ScreenRenderer.render(session, size: Size(width: 60, height: 20)), named: "too-small-en")
    }
}
