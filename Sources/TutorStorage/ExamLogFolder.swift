import LessonKit
import TutorSession

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The exam logs an instructor collected: every `*.examlog` file in some folders, read for the grader, which
/// never touches a file itself.
public enum ExamLogFolder {
    /// Every `*.examlog` file in the folders, each folder's in name order; a folder that cannot be listed
    /// fails the whole collection (a missing folder would silently drop a class's logs).
    public static func collect(_ directories: [URL]) throws(ExamError) -> [CollectedExamLog] {
        var logs: [CollectedExamLog] = []
        for directory in directories {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            } catch {
                throw ExamError.log("cannot list \(directory.path): \(fileErrorText(error))")
            }
            logs += names.filter { $0.hasSuffix(".examlog") }.sorted().map {
                collect(file: directory.appendingPathComponent($0))
            }
        }
        return logs
    }

    /// One log file; a file that cannot be read is collected with the reason, so its student is reported.
    public static func collect(file url: URL) -> CollectedExamLog {
        CollectedExamLog(
            path: url.path, fileStudent: url.deletingPathExtension().lastPathComponent, bytes: bytes(of: url))
    }

    /// The whole file, or why it cannot be read.
    static func bytes(of url: URL) -> Result<[UInt8], ExamError> {
        do {
            return .success(Array(try Data(contentsOf: url)))
        } catch {
            return .failure(ExamError.log("cannot read \(url.path): \(fileErrorText(error))"))
        }
    }
}

extension ExamGrader {
    /// Every `*.examlog` file in the folders, collected and graded.
    public func grade(directories: [URL], expectedQuestions: Int = 0) throws(ExamError) -> ExamReport {
        grade(logs: try ExamLogFolder.collect(directories), expectedQuestions: expectedQuestions)
    }

    /// One log file, read and graded.
    public func grade(file url: URL) -> StudentResult {
        grade(ExamLogFolder.collect(file: url))
    }
}
