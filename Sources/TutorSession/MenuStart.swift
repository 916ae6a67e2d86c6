import LessonKit

/// Where the menu's cursor starts: on the lesson the student is in the middle of, so that Enter resumes it.
enum MenuStart {
    /// The lesson in progress (started and not finished; the last such on the path, as a student moves along
    /// it), else the first one not finished, else the first. Lessons that did not load are passed over.
    static func index(_ lessons: [LessonEntry], progress: ProgressBook) -> Int {
        let ids = lessons.map { $0.timeline?.lessonID }
        let inProgress = ids.lastIndex { id in
            guard let id, let saved = progress[id] else { return false }
            return !saved.completed
        }
        if let inProgress { return inProgress }
        let notDone = ids.firstIndex { id in
            guard let id else { return false }
            return progress[id]?.completed != true
        }
        return notDone ?? 0
    }
}
