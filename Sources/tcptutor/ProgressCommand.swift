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
        let width = String(entries.count).count
        let colon = language == .zh ? "：" : ": "
        for (index, entry) in entries.enumerated() {
            // Numbered as the menu numbers them, a lesson that cannot be loaded included.
            let number = String(index + 1)
            let padding = String(repeating: " ", count: width - number.count)
            guard let timeline = entry.timeline else {
                print(
                    "  \(padding)\(number). \(entry.fileName)\(colon)" + (language == .zh ? "无法加载" : "cannot be loaded")
                )
                continue
            }
            print(
                "  \(padding)\(number). \(timeline.title.text(language)) (\(timeline.lessonID))\(colon)"
                    + status(book.lessons[timeline.lessonID], language))
        }
        let timelines = entries.compactMap(\.timeline)
        let listed = Set(timelines.map(\.lessonID))
        for (id, entry) in book.lessons.sorted(by: { $0.key < $1.key }) where !listed.contains(id) {
            print("  \(id)\(colon)\(status(entry, language))")
        }
        if book.lessons.isEmpty, timelines.isEmpty { print(language == .zh ? "  还没有打开过课程" : "  no lessons opened yet") }
    }

    private func status(_ entry: LessonProgress?, _ language: Language) -> String {
        let zh = language == .zh
        guard let entry else { return zh ? "未开始" : "not started" }
        var parts = [
            zh ? "第 \(entry.step + 1) 步，共 \(entry.stepCount) 步" : "step \(entry.step + 1) of \(entry.stepCount)"
        ]
        if entry.completed { parts.append(zh ? "已完成" : "completed") }
        if let score = entry.score {
            parts.append((zh ? "测验" : "quiz ") + score.text(language))
            if let latest = entry.latest { parts.append((zh ? "最近一次" : "latest ") + latest.text(language)) }
        }
        return parts.joined(separator: zh ? "，" : ", ")
    }
}
