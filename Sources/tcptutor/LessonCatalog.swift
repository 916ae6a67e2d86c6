import Foundation
import LessonKit
import TutorSession

/// Finds the lesson files and turns each into a menu entry.
enum LessonCatalog {
    struct Loaded {
        var entries: [LessonEntry]
        var notice: LocalizedText?
    }

    /// The lessons from `folder`, `$TCPTUTOR_LESSONS`, or the first `Lessons` folder found from the current
    /// directory or the executable upwards; the built-in examples when there are none.
    static func load(folder: String?, environment: [String: String]) -> Loaded {
        let candidates = [folder, environment["TCPTUTOR_LESSONS"]].compactMap { $0 } + searchPaths()
        for path in candidates {
            let files = lessonFiles(in: path)
            guard !files.isEmpty else { continue }
            return Loaded(entries: files.map(entry), notice: nil)
        }
        return Loaded(
            entries: [
                LessonEntry(fileName: "handshake", content: .success(SampleLessons.handshake)),
                LessonEntry(fileName: "refused", content: .success(SampleLessons.refused)),
            ],
            notice: LocalizedText(
                en: "No lesson files were found; these are the built-in examples.", zh: "没有找到课程文件；以下是内置示例。"))
    }

    private static func searchPaths() -> [String] {
        var paths: [String] = []
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            paths.append(directory.appendingPathComponent("Lessons").path)
            paths.append(executable.appendingPathComponent("Lessons").path)
            directory.deleteLastPathComponent()
            executable.deleteLastPathComponent()
        }
        return paths
    }

    private static func lessonFiles(in path: String) -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        return names.filter { $0.hasSuffix(".lesson") }.sorted().map {
            URL(fileURLWithPath: path).appendingPathComponent($0)
        }
    }

    private static func entry(_ file: URL) -> LessonEntry {
        LessonEntry(
            fileName: file.lastPathComponent,
            content: .failure(LessonProblem(message: "\(file.lastPathComponent): the lesson reader is not built yet")))
    }
}
