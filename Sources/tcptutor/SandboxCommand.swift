import ArgumentParser
import CommandOptions
import LessonKit
import TCPCore
import TimelineKit
import TimelinePrinting
import TutorCurses
import TutorSession
import TutorStorage
import TutorUI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `tcptutor sandbox`: the student drives both applications and the network; the engine is both TCPs.
struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Drive both hosts and the wire yourself, one step at a time, and watch the engine answer.",
        discussion: """
            Commands are the lesson language's steps: A listen, A connect, A send 100, A read, A shutdown, \
            A close, A abort, A > B (deliver the oldest A→B segment), drop A > B, duplicate A > B, \
            reorder A > B, inject A > B: S 90:90(0), wait 1s; and undo, save FILE.lesson, help, quit. \
            Tab completes a word. With --plain (or without a terminal) commands are read from standard input, \
            one a line, and each step is printed as 'tcptutor run' prints it; the exit status is 1 when a \
            command could not be run.
            """
    )

    @Argument(help: "A lesson file (or a lesson id or name from the lessons folder) to go on from, after its end.")
    var lesson: String?

    @OptionGroup var isnOption: ISNOption
    @OptionGroup(title: "Fresh ISNs") var freshNumbers: FreshNumbersOptions
    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var screen: ScreenOptions
    @OptionGroup var lessonFolder: LessonFolderOption

    /// A fresh sandbox's ISNs when none are chosen: small, so that the arithmetic reads easily.
    static let defaultISN = PerHost(a: SequenceNumber(100), b: SequenceNumber(300))

    func run() throws {
        let language = languageOption.language ?? .en
        let sandbox = try makeSandbox()
        if !screen.plain {
            var session = SandboxSession(sandbox: sandbox, language: language)
            var runtime = TerminalRuntime(environment: ProcessInfo.processInfo.environment)
            runtime.asciiLines = screen.asciiLines
            runtime.perform = StorageEffects().perform
            if try FullScreen.run({ () throws(TerminalProblem) in try runtime.run(&session) }) { return }
        }
        var plain = sandbox
        if !Self.runPlain(&plain, language: language) { throw ExitCode(1) }
    }

    /// The sandbox asked for: after a lesson's end, or fresh with the ISNs chosen (written into its header, so a
    /// saved session keeps them).
    func makeSandbox() throws -> Sandbox {
        let seed = freshNumbers.drawingSeed()
        do {
            if let lesson {
                let parsed = try lessonFolder.lesson(lesson)
                guard let text = try? String(contentsOfFile: parsed.file, encoding: .utf8) else {
                    throw CommandFailure("cannot read \(parsed.file)")
                }
                let sources = try isnOption.sources(for: parsed, seed: seed)
                return try Sandbox(lessonText: text, file: parsed.file, sources: sources)
            }
            let header = Sandbox.freshLessonText(isn: Self.defaultISN)
            let fresh = try LessonParser.parse(header, file: "sandbox")
            let sources = try isnOption.sources(for: fresh, seed: seed)
            func chosen(_ host: HostID) -> SequenceNumber {
                guard let source = sources[host] else { return Self.defaultISN[host] }
                return ISNClock.value(of: source, local: fresh.hosts[host], remote: fresh.hosts[host.peer])
            }
            let isn = PerHost(a: chosen(.a), b: chosen(.b))
            return try Sandbox(lessonText: Sandbox.freshLessonText(isn: isn), file: "sandbox")
        } catch let errors as LessonErrors {
            throw CommandFailure(errors.description)
        }
    }

    /// Reads commands from standard input until it ends or `quit`, printing what each did; false when a
    /// command could not be run (a script learns of it from the exit status).
    static func runPlain(_ sandbox: inout Sandbox, language: Language) -> Bool {
        let printer = SandboxPrinter(language: language)
        let words = SandboxWords(language)
        var allRan = true
        printer.opening(sandbox.timeline).forEach { print($0) }
        while let line = readLine() {
            let outcome = sandbox.execute(line)
            switch outcome {
            case .nothing:
                continue
            case .quit:
                return allRan
            case .stepped:
                printer.lastStep(sandbox.timeline).forEach { print($0) }
            case .undone:
                words.outcome(outcome).forEach { print($0) }
                printer.lastStep(sandbox.timeline).prefix(1).forEach { print($0) }
            case .help:
                for (command, meaning) in words.commandLines { print("  \(command)  \(meaning)") }
                words.choices(sandbox.choices).forEach { print($0) }
            case .save(let path, let text):
                let failure = StorageEffects().perform(.writeLesson(path: path, text: text))
                var reason: String?
                if case .failed(_, let why) = failure { reason = why }
                words.outcome(outcome, saveFailure: reason).forEach { print($0) }
                if reason != nil { allRan = false }
            case .problem, .refused, .nothingToUndo:
                allRan = false
                print("> " + line)
                words.outcome(outcome).forEach { print($0) }
            }
        }
        return allRan
    }
}
