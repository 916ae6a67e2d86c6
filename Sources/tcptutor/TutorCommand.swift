import ArgumentParser
import CommandOptions
import LessonKit
import TimelineKit
import TutorClassLink
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

/// `tcptutor` (the default): the lesson menu and the lesson screen, full screen or as plain lines.
struct TutorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tutor",
        abstract: "Step through the lessons on a full screen.",
        discussion: """
            Keys: Right, Space or PageDown next; Left or PageUp back; Home, End; g go to a step; t TCB; \
            r relative/absolute numbers; l English/Chinese; ? help; q menu or quit. The menu starts on the \
            lesson in progress; g and a number there opens that lesson.

            --lang applies to this run only; the language chosen with l is saved for the next runs.
            """
    )

    @OptionGroup var screen: ScreenOptions

    @OptionGroup var animation: AnimationOption

    @OptionGroup var languageOption: LanguageOption
    var language: Language? { languageOption.language }

    @OptionGroup var lessonFolder: LessonFolderOption

    @OptionGroup(title: "Fresh ISNs (drawn each time a lesson is opened)") var freshNumbers: FreshNumbersOptions

    @Option(help: .private)
    var testCrashKey: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let store = ProgressStore(environment: environment)
        // Started by the class server: the progress book comes from the server and goes back to it; no file is
        // written on this machine (ARCHITECTURE.md, "The class").
        let classLink = try ClassLinkStart.connect(environment: environment)
        var progress = ProgressBook()
        var notice: LocalizedText?
        switch try classLink?.progress ?? store.load() {
        case .loaded(let book): progress = book
        case .empty: break
        case .unreadable(let keptAt, let reason):
            let message = "The progress file could not be read (\(reason)). It was kept as \(keptAt); starting afresh."
            printError("tcptutor: " + message)
            notice = LocalizedText(en: message, zh: "进度文件无法读取（\(reason)），已另存为 \(keptAt)；进度从头开始。")
        }
        if let classLink, [.follow, .lead].contains(classLink.hello.mode) {
            // A follow class: the instructor leads one lesson, every student's screen shows its steps.
            let run = ClassFollowRun(
                start: classLink, progress: progress, language: language ?? classLink.language, screen: screen,
                lessonFolder: lessonFolder, environment: environment, crashKey: testCrashKey?.first)
            if classLink.hello.mode == .lead { try run.lead(lesson: classLink.hello.lesson) } else { try run.follow() }
            return
        }
        let catalog = LessonCatalog.load(folder: lessonFolder.path, inBackground: !screen.plain)
        var session = TutorSession(
            lessons: catalog.entries, progress: progress, language: language ?? classLink?.language,
            animates: !animation.noAnimation)
        session.notice = notice ?? catalog.notice
        session.freshNumbers = freshNumbers.drawingSeed().map(FreshNumbers.init(seed:))
        let perform =
            classLink.map { ClassLinkEffects(link: $0.link).perform } ?? StorageEffects(progress: store).perform
        // On the class server, the tutor says goodbye on its link however it ends (the runtime keeps `quit` to
        // itself), so that the server can tell a student who left from a tutor that died.
        defer { if classLink != nil { _ = perform(.quit) } }
        let save: (ProgressBook) -> Void = { book in
            if case .failed(_, let reason) = perform(.saveProgress(book)) { printError("tcptutor: \(reason)") }
        }
        if !screen.plain {
            var runtime = TerminalRuntime(environment: environment)
            runtime.asciiLines = screen.asciiLines
            runtime.crashKey = testCrashKey?.first
            runtime.perform = perform
            if !catalog.files.isEmpty { runtime.sources = [LessonLoader(files: catalog.files)] }
            if try FullScreen.run({ () throws(TerminalProblem) in try runtime.run(&session) }) { return }
        }
        if session.isLoadingLessons {
            for (index, file) in catalog.files.enumerated() {
                session.replaceLesson(at: index, with: LessonCatalog.entry(file))
            }
        }
        var tutor = PlainTutor(session: session)
        tutor.run(.standard(saveProgress: save))
    }
}
