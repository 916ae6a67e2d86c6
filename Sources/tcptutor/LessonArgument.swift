import ArgumentParser
import LessonKit
import TCPCore

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

/// Resolves a lesson named on the command line: a file path, or an id or file name in the lessons folder.
enum LessonArgument {
    static func load(_ name: String, lessonsFolder: String?) throws -> Lesson {
        var path = name
        if !FileManager.default.fileExists(atPath: name) {
            guard let folder = LessonLibrary.locate(explicit: lessonsFolder, executable: CommandLine.arguments[0])
            else {
                throw CommandFailure(
                    "'\(name)' is not a file and no lessons folder was found (name one with --lesson-folder FOLDER)")
            }
            let files = (try? LessonLibrary.lessonFiles(in: [folder])) ?? []
            let match = files.first { file in
                let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                return base == name || base.dropFirst(3) == name || (try? LessonLibrary.load(file).id) == name
            }
            guard let match else { throw CommandFailure("no lesson '\(name)' in \(folder)") }
            path = match
        }
        do {
            return try LessonLibrary.load(path)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// `A=100,B=300` (either may be left out).
    static func parseISN(_ text: String) throws -> [HostID: SequenceNumber] {
        var result: [HostID: SequenceNumber] = [:]
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "=")
            guard pieces.count == 2, let host = HostID(rawValue: pieces[0].uppercased()), let value = UInt32(pieces[1])
            else {
                throw ValidationError("--isn takes A=N,B=M with N and M from 0 to 4294967295, e.g. --isn A=100,B=300")
            }
            result[host] = SequenceNumber(value)
        }
        return result
    }
}
