import ArgumentParser
import TutorSession

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

/// `tcptutor progress [--reset]`: shows or clears what the tutor remembers.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show the saved progress (lesson, step, quiz scores), or clear it with --reset."
    )

    @Flag(help: "Forget all progress.")
    var reset = false

    func run() throws {
        let store = ProgressStore(environment: ProcessInfo.processInfo.environment)
        if reset {
            let removed = try store.reset()
            print(removed ? "Progress cleared (\(store.fileURL.path) removed)." : "There was no saved progress.")
            return
        }
        switch try store.load() {
        case .empty:
            print("No progress saved yet (\(store.fileURL.path)).")
        case .unreadable(let keptAt, let reason):
            print("The progress file could not be read (\(reason)).")
            print("It was kept as \(keptAt); the next run starts afresh.")
            throw ExitCode(1)
        case .loaded(let book):
            print("Progress in \(store.fileURL.path):")
            if book.lessons.isEmpty { print("  no lessons opened yet") }
            for (id, entry) in book.lessons.sorted(by: { $0.key < $1.key }) {
                var line = "  \(id): step \(entry.step + 1) of \(entry.stepCount)"
                if entry.completed { line += ", completed" }
                if let score = entry.score { line += ", quiz \(score.correct)/\(score.asked)" }
                print(line)
            }
            if let language = book.language { print("  language: \(language.rawValue)") }
        }
    }
}
