#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Finds and loads lesson files.
public enum LessonLibrary {
    /// The lessons folder: `explicit`, else `$TCPTUTOR_LESSONS`, else `./Lessons`, else an installed copy in
    /// `<prefix>/share/tcptutor/Lessons` next to `<prefix>/bin/tcptutor`, else the one next to the package this
    /// binary was built from (so `swift run tcptutor` works from any folder). `executable` is the running
    /// program's path (its `argv[0]`), which the program passes in: a library does not read the command line.
    public static func locate(explicit: String? = nil, executable: String) -> String? {
        if let explicit { return explicit }
        let executable = URL(fileURLWithPath: executable).resolvingSymlinksInPath().path
        return candidates(
            executable: executable, currentDirectory: FileManager.default.currentDirectoryPath,
            environment: ProcessInfo.processInfo.environment
        ).first { isDirectory($0) }
    }

    /// Where the lessons folder is looked for, in order.
    static func candidates(executable: String, currentDirectory: String, environment: [String: String]) -> [String] {
        var candidates: [String] = []
        if let fromEnvironment = environment["TCPTUTOR_LESSONS"] { candidates.append(fromEnvironment) }
        candidates.append(currentDirectory + "/Lessons")
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        // Installed: <prefix>/bin/tcptutor with <prefix>/share/tcptutor/Lessons.
        candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/tcptutor/Lessons").path)
        // Built: .build/<triple>/<configuration>/tcptutor, the package root three or four levels up.
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("Lessons").path)
        }
        let source = URL(fileURLWithPath: #filePath)  // Sources/LessonKit/LessonLibrary.swift
        candidates.append(
            source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Lessons").path)
        return candidates
    }

    static func isDirectory(_ path: String) -> Bool {
        #if canImport(FoundationEssentials)
            var directory = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory
        #else
            var directory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
        #endif
    }

    /// The `.lesson` files named by `paths`: folders are searched (not recursively) and sorted by name.
    public static func lessonFiles(in paths: [String]) throws(LessonErrors) -> [String] {
        var files: [String] = []
        var problems: [Diagnostic] = []
        for path in paths {
            if isDirectory(path) {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                let lessons = names.filter { $0.hasSuffix(".lesson") }.sorted()
                if lessons.isEmpty {
                    problems.append(
                        Diagnostic(file: path, line: 0, column: 0, message: "no .lesson files in this folder"))
                }
                let prefix = path.hasSuffix("/") ? path : path + "/"
                files += lessons.map { prefix + $0 }
            } else if FileManager.default.fileExists(atPath: path) {
                files.append(path)
            } else {
                problems.append(Diagnostic(file: path, line: 0, column: 0, message: "no such file or folder"))
            }
        }
        if !problems.isEmpty { throw LessonErrors(diagnostics: problems) }
        return files
    }

    /// Reads and parses one lesson file.
    public static func load(_ path: String) throws(LessonErrors) -> Lesson {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LessonErrors(diagnostics: [
                Diagnostic(file: path, line: 0, column: 0, message: "cannot read this file")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonErrors(diagnostics: [
                Diagnostic(file: path, line: 1, column: 1, message: "this file is not UTF-8 text")
            ])
        }
        return try LessonParser.parse(text, file: path)
    }

    /// Parses and runs every lesson in `paths`, collecting every problem.
    public static func check(_ paths: [String]) -> (lessons: [Lesson], diagnostics: [Diagnostic]) {
        var lessons: [Lesson] = []
        var diagnostics: [Diagnostic] = []
        let files: [String]
        do {
            files = try lessonFiles(in: paths)
        } catch {
            return ([], error.diagnostics)
        }
        var ids: [String: String] = [:]
        for file in files {
            do {
                let lesson = try load(file)
                if let other = ids[lesson.id] {
                    diagnostics.append(
                        Diagnostic(
                            file: file, line: 1, column: 1, message: "id '\(lesson.id)' is also used by \(other)"))
                }
                ids[lesson.id] = file
                diagnostics += prove(lesson).diagnostics
                lessons.append(lesson)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        return (lessons, diagnostics)
    }
}
