import ClassServer
import ClassStore
import LessonKit
import NIOSSH
import TutorSession

/// Everything `serve` settles before it listens: the data folder, the host key, who gets in, and how a
/// student's tutor is started. Every problem here stops the server at start, with the file it is about.
struct ServerSettings {
    var hostKey: HostKey
    var admission: Admission
    var instructorKeys: [NIOSSHPublicKey]
    var launch: TutorLaunch
    /// What the start message says about the roster, when there is one.
    var rosterSummary: String?

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static func make(
        data: String, rosterFile: String?, instructorKeyFile: String?, lessonFolder: String?, exam: String? = nil,
        follow: String? = nil
    ) throws(Problem) -> ServerSettings {
        do {
            let dataFolder = try ServerPaths.folder(data, create: true)
            let hostKey = try HostKey.loadOrCreate(in: dataFolder)
            let tutor = try ServerPaths.tutorBesideThisProgram()
            guard let lessons = LessonLibrary.locate(explicit: lessonFolder, executable: tutor) else {
                throw Problem(description: "no lessons folder found; name one with --lesson-folder FOLDER")
            }
            let lessonsPath = try ServerPaths.folder(lessons, create: false)
            // One store for the whole class, whatever it does: every student's progress, and an exam's answers.
            let store = try SQLiteClassStore(directory: dataFolder)
            var launch = TutorLaunch(
                executable: tutor, arguments: ["--lesson-folder", lessonsPath], store: store,
                studentsFolder: dataFolder + "/students", inherited: ServerPaths.inheritedEnvironment())
            if let exam {
                launch.exam = try Self.classExam(exam, dataFolder: dataFolder, lessons: lessonsPath, store: store)
            }
            if let follow {
                launch.follow = try Self.classFollow(follow, lessons: lessonsPath, store: store)
            }
            var admission = Admission.open
            var summary: String?
            if let rosterFile {
                let roster = try Roster.load(rosterFile)
                let kept = try roster.keepHashed(in: dataFolder)
                admission = .roster(roster)
                summary = roster.summary(keptIn: kept, from: rosterFile)
            }
            let keys = try instructorKeyFile.map { try AuthorizedKeys.load($0) } ?? []
            return ServerSettings(
                hostKey: hostKey, admission: admission, instructorKeys: keys, launch: launch, rosterSummary: summary)
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(description: "\(error)")
        }
    }

    /// The class `--follow` sets: the lesson checked at start (a mistyped id stops the server, not the class),
    /// the class's store for the students' progress.
    static func classFollow(_ lesson: String, lessons: String, store: SQLiteClassStore) throws -> ClassFollow {
        let folder = try LessonFolder(paths: [lessons])
        guard folder.lessons[lesson] != nil else {
            let known = folder.lessons.keys.sorted().joined(separator: ", ")
            throw Problem(
                description: "--follow: there is no lesson '\(lesson)' in \(lessons); the lessons are: \(known)")
        }
        return ClassFollow(lesson: lesson, store: store)
    }

    /// The exam `--exam` sets: its settings checked against the lessons (a mistyped lesson stops the server at
    /// start, not a student at login), the key kept in the data folder, its answers in the class's store.
    static func classExam(
        _ text: String, dataFolder: String, lessons: String, store: SQLiteClassStore
    ) throws -> ClassExam {
        let parameters = try ExamParameters(settingsText: text)
        try parameters.validate()
        let folder = try LessonFolder(paths: [lessons])
        let (keyFile, key) = try ClassExam.loadOrMakeKey(in: dataFolder)
        // Derived once for a made-up id: every lesson named must exist and hold enough questions.
        _ = try ExamSitting(
            key: key, studentID: "check", parameters: parameters, lessons: folder, records: [], logName: "--exam")
        return ClassExam(parameters: parameters, keyFile: keyFile, key: key, lessons: folder, store: store)
    }
}
