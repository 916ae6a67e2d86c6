import Dispatch
import LessonKit
import TutorCurses
import TutorSession

/// Parses and runs lesson files on a background thread, so the menu can be drawn before they are all ready.
final class LessonLoader: BackgroundLessons, @unchecked Sendable {
    /// Serialises every access to `ready`, `remaining` and `handedOver` (Dispatch, not Foundation's locks: the
    /// tutor does not link Foundation, which would add milliseconds to the first frame).
    private let access = DispatchQueue(label: "tcptutor.lesson-loader")
    /// Left when every file is done.
    private let allDone = DispatchGroup()
    private var ready: [LoadedLesson] = []
    private var remaining: Int
    private var handedOver = false
    private let files: [String]

    /// Prepares to load `files`; entry `index` of the menu is replaced when file `index` is done.
    init(files: [String]) {
        self.files = files
        remaining = files.count
    }

    func start() {
        let files = files
        allDone.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            for (index, file) in files.enumerated() {
                let entry = LessonCatalog.entry(file)
                access.sync {
                    ready.append(LoadedLesson(index: index, entry: entry))
                    remaining -= 1
                }
            }
            allDone.leave()
        }
    }

    var isFinished: Bool {
        access.sync { handedOver }
    }

    func poll() -> [LoadedLesson] {
        access.sync { takeReady() }
    }

    func finish() -> [LoadedLesson] {
        allDone.wait()
        return access.sync { takeReady() }
    }

    /// Hands over what is ready; runs on `access`.
    private func takeReady() -> [LoadedLesson] {
        let messages = ready
        ready.removeAll()
        if remaining == 0 { handedOver = true }
        return messages
    }
}
