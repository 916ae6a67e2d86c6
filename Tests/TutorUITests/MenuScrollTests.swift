import LessonKit
import TCPTutorTestSupport
import Testing
import TimelineKit
import TutorSession
import TutorUI

/// A path longer than the window: the menu scrolls with the selection and counts what is out of sight.
@Suite struct MenuScrollTests {
    /// Thirty lessons, more than any 80x24 list holds.
    static func session(language: Language, downPresses: Int) -> TutorSession {
        let lessons = (1...30).map { number in
            LessonEntry(fileName: "\(number).lesson", content: .success(BuiltInLessons.handshake))
        }
        var session = TutorSession(lessons: lessons, progress: ProgressBook(), language: language, animates: false)
        for _ in 0..<downPresses { _ = session.update(.key(.down)) }
        return session
    }

    @Test func atTheTopOnlyTheLessonsBelowAreCounted() {
        let screen = ScreenRenderer.render(
            Self.session(language: .en, downPresses: 0), size: Size(width: 80, height: 24))
        let lines = (0..<24).map(screen.line)
        #expect(lines.contains { $0.contains(">  1. The three-way handshake") })
        #expect(!lines.joined().contains("above"))
        // 20 rows of lessons at 80x24: ten are out of sight.
        #expect(lines.contains { $0.contains("v 10 more lessons below") })
    }

    @Test func inTheMiddleBothEndsAreCounted() {
        let screen = ScreenRenderer.render(
            Self.session(language: .en, downPresses: 24), size: Size(width: 80, height: 24))
        let lines = (0..<24).map(screen.line)
        #expect(lines.contains { $0.contains("> 25. The three-way handshake") })
        #expect(lines[1].contains("^ 5 more lessons above"), "the row under the heading")
        #expect(lines.contains { $0.contains("v 5 more lessons below") })
        #expect(!lines.contains { $0.contains(" 5. The three-way handshake") }, "lesson 5 scrolled off the top")
    }

    @Test func atTheEndInChinese() {
        let screen = ScreenRenderer.render(
            Self.session(language: .zh, downPresses: 29), size: Size(width: 80, height: 24))
        let lines = (0..<24).map(screen.line)
        #expect(lines[1].contains("^ 上面还有 10 课"))
        #expect(!lines.joined().contains("下面还有"))
        #expect(lines.contains { $0.contains("> 30.") })
    }

    @Test func aPathThatFitsHasNoCounts() {
        let screen = ScreenRenderer.render(
            Self.session(language: .en, downPresses: 3), size: Size(width: 120, height: 40))
        #expect(!screen.text.contains("more lesson"))
    }

    /// The real curriculum, parsed, so each entry carries its lesson and summary.
    static func curriculum(language: Language, downPresses: Int) throws -> TutorSession {
        let entries = try Curriculum.files.map { file in
            let lesson = try LessonLibrary.load(file)
            return LessonEntry(fileName: file, content: .success(LessonRunner.run(lesson).timeline), lesson: lesson)
        }
        var session = TutorSession(lessons: entries, progress: ProgressBook(), language: language, animates: false)
        for _ in 0..<downPresses { _ = session.update(.key(.down)) }
        return session
    }

    @Test(arguments: Language.allCases)
    func theSelectedLessonsSummaryShowsWhereTheListKeepsEveryLesson(language: Language) throws {
        let session = try Self.curriculum(language: language, downPresses: 3)
        let lesson = try #require(session.lessons[3].lesson)
        let summary = lesson.summary.text(language)
        #expect(!summary.isEmpty)
        // Rows for every lesson, the summary and the frame: the path has outgrown 30 rows.
        let height = session.lessons.count + 8
        for size in [Size(width: 100, height: height), Size(width: 120, height: height + 2)] {
            let screen = ScreenRenderer.render(session, size: size)
            #expect(screen.text.contains(summary), "\(size): the fourth lesson's summary")
            #expect(screen.text.contains("\(session.lessons.count)."), "\(size): every lesson still listed")
            #expect(!screen.text.contains(session.lessons[2].lesson?.summary.text(language) ?? "-"))
        }
        // At 80x24 the list needs every row: no summary, and the list still scrolls as before.
        let small = ScreenRenderer.render(session, size: Size(width: 80, height: 24))
        #expect(!small.text.contains(summary))
    }
}
