import ClassServer
import LessonKit
import NIOSSH

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

    static func make(data: String, rosterFile: String?, instructorKeyFile: String?, lessonFolder: String?)
        throws(Problem) -> ServerSettings
    {
        do {
            let dataFolder = try ServerPaths.folder(data, create: true)
            let hostKey = try HostKey.loadOrCreate(in: dataFolder)
            let tutor = try ServerPaths.tutorBesideThisProgram()
            guard let lessons = LessonLibrary.locate(explicit: lessonFolder, executable: tutor) else {
                throw Problem(description: "no lessons folder found; name one with --lesson-folder FOLDER")
            }
            let launch = TutorLaunch(
                executable: tutor, arguments: ["--lesson-folder", try ServerPaths.folder(lessons, create: false)],
                studentsFolder: dataFolder + "/students", inherited: ServerPaths.inheritedEnvironment())
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
}
