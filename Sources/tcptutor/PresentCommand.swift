import ArgumentParser
import CommandOptions
import LessonKit
import TCPCore
import TimelineKit
import TutorCurses
import TutorSession
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

/// `tcptutor present LESSON`: one lesson on a projector, driven with a clicker.
struct PresentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Present a lesson to a class on a projector.",
        discussion: """
            Keys: PageDown, Right or Space next; PageUp or Left back; at a quiz point the question is put to the \
            class and Enter (or next) reveals the answer; b blanks the screen (any key brings it back); g go to \
            a step; Home, End; l English/Chinese; q quit.
            """
    )

    @Argument(help: "A lesson file, or a lesson id or name from the lessons folder.")
    var lesson: String

    @OptionGroup var languageOption: LanguageOption
    var lang: Language { languageOption.language ?? .en }

    @OptionGroup(title: "Fresh ISNs") var freshNumbers: FreshNumbersOptions

    @Flag(help: "Animate segments crossing the wire (off by default: a click shows the step at once).")
    var animate = false

    @OptionGroup var screen: ScreenOptions

    @OptionGroup var lessonFolder: LessonFolderOption

    @Option(help: .private)
    var testCrashKey: String?

    func run() throws {
        let parsed = try lessonFolder.lesson(lesson)
        let result =
            freshNumbers.drawingSeed().map { LessonRunner.run(parsed, fresh: FreshDraw.seeded($0)) }
            ?? LessonRunner.run(parsed)
        guard result.diagnostics.isEmpty else {
            // A lesson the engine disagrees with would show the class something wrong.
            for diagnostic in result.diagnostics { printError(diagnostic.description) }
            throw ExitCode(1)
        }
        guard !result.timeline.frames.isEmpty else { throw CommandFailure("the lesson '\(lesson)' has no steps") }
        var session = PresenterSession(timeline: result.timeline, language: lang, animates: animate)
        if !screen.plain {
            var runtime = TerminalRuntime(environment: ProcessInfo.processInfo.environment)
            runtime.asciiLines = screen.asciiLines
            runtime.crashKey = testCrashKey?.first
            if try FullScreen.run({ () throws(TerminalProblem) in try runtime.run(&session) }) { return }
        }
        var presenter = PresenterPlain(session: session, readLine: { Swift.readLine() }, write: { print($0) })
        presenter.run()
    }
}
