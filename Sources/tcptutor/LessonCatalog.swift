import LessonKit
import TimelineKit
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

/// Finds the lesson files and turns each into a menu entry: the engine's timeline, or why there is none.
enum LessonCatalog {
    struct Loaded {
        var entries: [LessonEntry]
        var notice: LocalizedText?
        /// The files behind the entries, in order (empty for the built-in examples).
        var files: [String] = []
    }

    /// The lessons in `folder` (or wherever `LessonLibrary` finds them), in file-name order; the built-in
    /// examples when there are none, so that the screen can still be tried. With `inBackground`, the entries
    /// are only previews (titles from the headers) and `LessonLoader` brings the lessons.
    static func load(folder: String?, inBackground: Bool = false) -> Loaded {
        if let path = LessonLibrary.locate(explicit: folder, executable: CommandLine.arguments[0]),
            let files = try? LessonLibrary.lessonFiles(in: [path]),
            !files.isEmpty
        {
            let entries = inBackground ? files.map(preview) : files.map(entry)
            return Loaded(entries: entries, notice: nil, files: files)
        }
        return Loaded(
            entries: [
                LessonEntry(fileName: "handshake", content: .success(BuiltInLessons.handshake)),
                LessonEntry(fileName: "refused", content: .success(BuiltInLessons.refused)),
            ],
            notice: LocalizedText(
                en: "No lesson files were found; these are the built-in examples.", zh: "没有找到课程文件；以下是内置示例。"))
    }

    /// A loading entry titled from the file's `title:` and `title.zh:` header lines, which come before any step.
    ///
    /// This runs for every lesson before the first frame, so it reads bytes, not a `String` split into lines by
    /// grapheme clusters, and takes the file name without `URL`, which would ask the file system about the path.
    static func preview(_ file: String) -> LessonEntry {
        let name = fileName(file)
        var english: String?
        var chinese: String?
        // The header comes first: its first few kilobytes are enough, read with one system call.
        var buffer = [UInt8](repeating: 0, count: 4096)
        let descriptor = open(file, O_RDONLY)
        if descriptor >= 0 {
            let count = max(read(descriptor, &buffer, buffer.count), 0)
            close(descriptor)
            var start = 0
            while start < count, english == nil || chinese == nil {
                let end = buffer[start..<count].firstIndex(of: UInt8(ascii: "\n")) ?? count
                let line = buffer[start..<end]
                if let value = headerValue(line, key: "title:") { english = value }
                if let value = headerValue(line, key: "title.zh:") { chinese = value }
                start = end + 1
            }
        }
        return .loading(fileName: name, title: english.map { LocalizedText(en: $0, zh: chinese ?? "") })
    }

    /// The text after `key` when `line` starts with it.
    private static func headerValue(_ line: ArraySlice<UInt8>, key: StaticString) -> String? {
        let keyBytes = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        guard line.count >= keyBytes.count, line.prefix(keyBytes.count).elementsEqual(keyBytes) else { return nil }
        return String(decoding: line.dropFirst(keyBytes.count), as: UTF8.self).trimmingWhitespace()
    }

    /// The last component of a path.
    private static func fileName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }

    /// The lesson in `file` parsed and run on the engine, or the first problem found.
    static func entry(_ file: String) -> LessonEntry { LessonEntry(file: file) }
}
