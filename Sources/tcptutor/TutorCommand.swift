import ArgumentParser
import LessonKit
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
        abstract: "Step through the lessons on a full screen (the default command).",
        discussion: """
            Keys: Right, Space or PageDown next; Left or PageUp back; Home, End; g go to a step; t TCB; \
            r relative/absolute numbers; l English/Chinese; ? help; q menu or quit. The menu starts on the \
            lesson in progress; g and a number there opens that lesson.

            --lang applies to this run only; the language chosen with l is saved for the next runs.
            """
    )

    @Flag(help: "Numbered lines instead of the full screen (for screen readers); automatic without a terminal.")
    var plain = false

    @Flag(help: "Do not animate segments crossing the wire.")
    var noAnimation = false

    @Flag(help: "Draw boxes and lines with ASCII characters.")
    var asciiLines = false

    @OptionGroup var languageOption: LanguageOption
    var language: Language? { languageOption.language }

    @OptionGroup var lessonFolder: LessonFolderOption
    var lessons: String? { lessonFolder.path }

    @Option(help: "Draw fresh ISNs each time a lesson is opened, reproducibly from this seed.")
    var seed: UInt64?

    @Flag(help: "Draw fresh ISNs each time a lesson is opened, so the numbers cannot be memorised.")
    var fresh = false

    @Option(help: .private)
    var testCrashKey: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let store = ProgressStore(environment: environment)
        var progress = ProgressBook()
        var notice: LocalizedText?
        switch try store.load() {
        case .loaded(let book): progress = book
        case .empty: break
        case .unreadable(let keptAt, let reason):
            let message = "The progress file could not be read (\(reason)). It was kept as \(keptAt); starting afresh."
            printError("tcptutor: " + message)
            notice = LocalizedText(en: message, zh: "进度文件无法读取（\(reason)），已另存为 \(keptAt)；进度从头开始。")
        }
        let catalog = LessonCatalog.load(folder: lessons, inBackground: !plain)
        var session = TutorSession(
            lessons: catalog.entries, progress: progress, language: language, animates: !noAnimation)
        session.notice = notice ?? catalog.notice
        if let seed {
            session.freshNumbers = FreshNumbers(seed: seed)
        } else if fresh {
            session.freshNumbers = FreshNumbers(seed: UInt64.random(in: 0...UInt64.max))
        }
        let save: (ProgressBook) -> Void = { book in
            do {
                try store.save(book)
            } catch {
                printError("tcptutor: \(error)")
            }
        }
        if !plain {
            var runtime = TerminalRuntime(environment: environment)
            runtime.asciiLines = asciiLines
            runtime.crashKey = testCrashKey?.first
            runtime.perform = StorageEffects(progress: store).perform
            if !catalog.files.isEmpty { runtime.sources = [LessonLoader(files: catalog.files)] }
            if try FullScreen.run({ () throws(TerminalProblem) in try runtime.run(&session) }) { return }
        }
        if session.isLoadingLessons {
            for (index, file) in catalog.files.enumerated() {
                session.replaceLesson(at: index, with: LessonCatalog.entry(file))
            }
        }
        var tutor = PlainTutor(
            session: session, readLine: { Swift.readLine() }, write: { print($0) }, saveProgress: save)
        tutor.run()
    }
}
