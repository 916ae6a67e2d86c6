import ArgumentParser
import CommandOptions
import LessonKit
import TimelineKit
import TutorSession
import TutorStorage

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

    @OptionGroup var lessonFolder: LessonFolderOption

    @OptionGroup var languageOption: LanguageOption
    var language: Language? { languageOption.language }

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
            let language = language ?? book.language ?? .en
            print(language == .zh ? "进度（\(store.fileURL.path)）：" : "Progress in \(store.fileURL.path):")
            printLessons(book, language: language)
            if let saved = book.language {
                print(language == .zh ? "  语言：\(saved.rawValue)" : "  language: \(saved.rawValue)")
            }
        }
    }

    /// Every lesson of the path in order, as the menu lists them, then any saved lesson the folder no longer has.
    private func printLessons(_ book: ProgressBook, language: Language) {
        let catalog = LessonCatalog.load(folder: lessonFolder.path)
        // Without lesson files the catalog holds the built-in examples, which are no path.
        let entries = catalog.files.isEmpty ? [] : catalog.entries
        for line in ProgressListing.lines(book, entries: entries, language: language) { print(line) }
    }
}
