import ArgumentParser
import CommandOptions
import LessonKit
import TCPCore
import TimelineKit
import TutorCurses
import TutorSession
import TutorStorage
import TutorUI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `tcptutor quiz [LESSON...]`: the quiz points of some lessons, graded by the engine, with a summary.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Answer the quiz points of the lessons (all by default) and get a score per lesson and per kind.",
        discussion: """
            Each question hides the next segment: type who sends it, its flags, seq and ack (as the lesson asks). \
            Keys: Tab next field; Enter next field or submit; ? hint (costs points); Esc pause, then h hint, \
            Space skip, q results. Scores are saved to your progress.
            """)

    @Argument(help: "Lesson ids, file names or paths (default: every lesson).")
    var lessons: [String] = []

    @OptionGroup(title: "Fresh ISNs") var freshNumbers: FreshNumbersOptions

    @Flag(help: "Predict every segment: every segment of the lessons becomes a question (flags, seq, ack).")
    var everySegment = false

    @OptionGroup var languageOption: LanguageOption
    var language: Language? { languageOption.language }

    @OptionGroup var screen: ScreenOptions

    @OptionGroup var animation: AnimationOption

    @OptionGroup var lessonFolder: LessonFolderOption

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let store = ProgressStore(environment: environment)
        var progress = ProgressBook()
        if case .loaded(let book) = (try? store.load()) ?? .empty { progress = book }
        let timelines = try loadTimelines()
        let items = QuizRunItem.items(timelines, everySegment: everySegment)
        guard !items.isEmpty else { throw CommandFailure("the chosen lessons have no quiz points") }
        var session = QuizSession(
            items: items, progress: progress, language: language ?? progress.language ?? .en,
            animates: !animation.noAnimation)
        let save: (ProgressBook) -> Void = { book in
            do {
                try store.save(book)
            } catch {
                printError("tcptutor: \(error)")
            }
        }
        if !screen.plain && isatty(0) == 1 && isatty(1) == 1 {
            var runtime = TerminalRuntime(environment: environment)
            runtime.asciiLines = screen.asciiLines
            runtime.perform = StorageEffects(progress: store).perform
            let ranFullScreen = try FullScreen.run(
                { () throws(TerminalProblem) in try runtime.run(&session) },
                finish: {
                    save(session.progress)
                    QuizSummaryText.plainLines(session.results, items: items, language: session.language).forEach {
                        print($0)
                    }
                })
            if ranFullScreen { return }
        }
        var quiz = PlainQuiz(session: session)
        quiz.run(.standard(saveProgress: save))
    }

    /// The chosen lessons run on the engine, with fresh ISNs when asked.
    private func loadTimelines() throws -> [Timeline] {
        var chosen: [Lesson] = []
        if lessons.isEmpty {
            let folder = try lessonFolder.locate()
            do {
                chosen = try LessonLibrary.lessonFiles(in: [folder]).map { try LessonLibrary.load($0) }
            } catch {
                throw CommandFailure("\(error)")
            }
        } else {
            chosen = try lessons.map(lessonFolder.lesson)
        }
        var numbers = freshNumbers.drawingSeed().map(FreshNumbers.init(seed:))
        return chosen.map { lesson in
            if var drawing = numbers {
                defer { numbers = drawing }
                if let timeline = drawing.run(lesson) { return timeline }
            }
            return LessonRunner.run(lesson).timeline
        }
    }
}
