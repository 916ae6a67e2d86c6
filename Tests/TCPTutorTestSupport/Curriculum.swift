import Foundation
import LessonKit
import TCPCore
import TimelineKit
import TutorSession

/// The curriculum as shipped: the `.lesson` files in this package's own `Lessons/` folder, found from this source
/// file, so that neither `$TCPTUTOR_LESSONS` nor the folder the tests run from changes what is tested.
public enum Curriculum {
    /// The package's root folder (this file is `Tests/TCPTutorTestSupport/Curriculum.swift`).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `Lessons/` folder's path.
    public static let path: String = root.appendingPathComponent("Lessons").path

    /// Every lesson file, in menu order.
    public static let files: [String] = (try? LessonLibrary.lessonFiles(in: [path])) ?? []

    /// File names without the folder, for test arguments that read well in reports.
    public static let fileNames: [String] = files.map { URL(fileURLWithPath: $0).lastPathComponent }

    /// The lessons as exams draw from them, by id.
    public static let folder: LessonFolder = {
        do {
            return try LessonFolder(paths: [path])
        } catch {
            fatalError("the package's lessons in \(path) cannot be loaded: \(error)")
        }
    }()

    /// Every lesson's timeline with its declared ISNs, in file order.
    public static let timelines: [Timeline] = folder.lessons.values.sorted { $0.file < $1.file }.map {
        LessonRunner.run($0).timeline
    }

    /// ISN overrides the stories must survive: fresh draws from seeds, as `--seed` makes them, and the edges of
    /// the 32-bit space.
    public static let freshISNs: [[HostID: SequenceNumber]] =
        [UInt64(1), 2, 7, 42, 2024, 65_535, 0xDEAD_BEEF].map { seed in
            let draw = FreshDraw.seeded(seed)
            return [
                .a: SequenceNumber(UInt32(truncatingIfNeeded: draw.a)),
                .b: SequenceNumber(UInt32(truncatingIfNeeded: draw.b)),
            ]
        } + [
            [.a: SequenceNumber(4_294_967_295), .b: SequenceNumber(0)],
            [.a: SequenceNumber(0), .b: SequenceNumber(4_294_967_295)],
            [.a: SequenceNumber(2_147_483_648), .b: SequenceNumber(2_147_483_647)],
        ]

    /// Loads the lesson whose file is named `name`.
    public static func lesson(file name: String) throws -> Lesson {
        try LessonLibrary.load(path + "/" + name)
    }

    /// Loads the lesson with this id.
    public static func lesson(id: String) throws -> Lesson {
        for file in files {
            let lesson = try LessonLibrary.load(file)
            if lesson.id == id { return lesson }
        }
        throw CurriculumError.noLesson(id)
    }

    /// The lesson `id` run on the engine (with its declared ISNs, or `isn`); the engine's first disagreement with
    /// the lesson is thrown.
    public static func timeline(_ id: String, isn: [HostID: SequenceNumber] = [:]) throws -> Timeline {
        guard let lesson = folder.lessons[id] else { throw CurriculumError.noLesson(id) }
        let run = LessonRunner.run(lesson, isn: isn)
        if let problem = run.diagnostics.first { throw CurriculumError.disagreement(problem.description) }
        return run.timeline
    }
}

/// Why the curriculum could not give what a test asked for.
public enum CurriculumError: Error, CustomStringConvertible {
    case noLesson(String)
    case disagreement(String)

    public var description: String {
        switch self {
        case .noLesson(let id): "no lesson '\(id)' in \(Curriculum.path)"
        case .disagreement(let problem): problem
        }
    }
}
