import ArgumentParser
import ClassStore
import CommandOptions
import Foundation
import LessonKit
import TutorSession
import TutorStorage

/// `tcptutor class progress --data DIR`: how far each student got, from the books the server's store keeps, as
/// `tcptutor progress` shows one's own, or as CSV for a spreadsheet.
struct ClassProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show each student's progress (lesson, step, quiz scores) kept on this class server.",
        discussion: """
            Reads DIR/class.sqlite, which keeps every student's progress however the class ran (self-paced, \
            follow or exam); it can be read while the server runs. Lessons are listed in the order of the \
            lessons folder, numbered as the menu numbers them, as 'tcptutor progress' lists one's own. With \
            --csv: one row per student and lesson, \
            student,lesson,step,steps,completed,quiz_points,quiz_possible,quiz_answered,quiz_questions \
            (step counts from 1; the step and quiz columns are empty for a lesson not started or a quiz not \
            answered).
            """)

    @Option(help: ArgumentHelp("The class server's folder.", valueName: "dir"))
    var data: String

    @Flag(help: "Print CSV, one row per student and lesson.")
    var csv = false

    @OptionGroup var lessonFolder: LessonFolderOption

    func run() throws {
        let students: [(id: String, book: Result<ProgressBook, ProgressBookFormat.Unreadable>?)]
        let entries: [LessonEntry]
        do {
            guard FileManager.default.fileExists(atPath: data + "/class.sqlite") else {
                throw ExitFailure("\(data) holds no class store (class.sqlite): no class was served there")
            }
            let store = try SQLiteClassStore(directory: data)
            let books = Dictionary(uniqueKeysWithValues: try store.progressBooks().map { ($0.student, $0.book) })
            // Every student seen, with or without a book: one who logged in and saved nothing shows as not started.
            let ids = Set(try store.students().map(\.id)).union(books.keys).sorted()
            students = ids.map { id in (id, books[id].map { ProgressBookFormat.decode($0) }) }
            entries = try LessonLibrary.lessonFiles(in: [try lessonFolder.locate()]).map(LessonEntry.init(file:))
        } catch let failure as ExitFailure {
            throw failure
        } catch {
            throw ExitFailure("\(error)")
        }
        var unreadable: [String] = []
        if csv { print(ClassProgressCSV.header) }
        if !csv, students.isEmpty { print("No student has logged in to the class in \(data) yet.") }
        for (id, result) in students {
            var book = ProgressBook()
            switch result {
            case .some(.success(let kept)): book = kept
            case .some(.failure(let problem)):
                unreadable.append(id)
                FileHandle.standardError.write(Data("\(id)'s progress book cannot be read: \(problem.reason)\n".utf8))
                continue
            case .none: break
            }
            if csv {
                for row in ClassProgressCSV.rows(student: id, book: book, entries: entries) { print(row) }
            } else {
                print("Progress of \(id):")
                for line in ProgressListing.lines(book, entries: entries, language: .en) { print(line) }
            }
        }
        if !unreadable.isEmpty {
            throw ExitFailure(
                "\(unreadable.count) of \(students.count) progress books cannot be read: "
                    + unreadable.joined(separator: ", "))
        }
    }
}

/// The class's progress as CSV: one row per student and lesson, the lessons of the path in order, then any
/// lesson a student's book keeps that the folder no longer has.
enum ClassProgressCSV {
    static let header =
        "student,lesson,step,steps,completed,quiz_points,quiz_possible,quiz_answered,quiz_questions"

    static func rows(student: String, book: ProgressBook, entries: [LessonEntry]) -> [String] {
        let path = entries.compactMap { $0.timeline?.lessonID }
        let listed = Set(path)
        let lessons = path + book.lessons.keys.filter { !listed.contains($0) }.sorted()
        return lessons.map { lesson in
            var fields = [student, lesson]
            if let progress = book.lessons[lesson] {
                fields += ["\(progress.step + 1)", "\(progress.stepCount)", progress.completed ? "yes" : "no"]
            } else {
                fields += ["", "", "no"]
            }
            if let score = book.lessons[lesson]?.score {
                fields += ["\(score.points)", "\(score.possible)", "\(score.answered)", "\(score.questions)"]
            } else {
                fields += ["", "", "", ""]
            }
            // Quoted as the exam's grades are (RFC 4180): a book's lesson ids are whatever its file said.
            return fields.map(ExamReport.csvField).joined(separator: ",")
        }
    }
}
