import ArgumentParser
import LessonKit
import TCPCore

/// The ISNs a lesson runs with from `--seed`/`--fresh` and `--isn`, for every command that runs one lesson.
enum LessonNumbers {
    /// Fresh ISNs drawn from `seed`, then the ones `isn` names. A clock's ISN is narrated from the clock, so it
    /// can be moved by a seed (the clock boots at another moment) but not replaced by a number.
    static func sources(for lesson: Lesson, seed: UInt64?, isn: [HostID: SequenceNumber]?) throws -> [HostID: ISNSource]
    {
        var sources: [HostID: ISNSource] = seed.map { lesson.freshISN(FreshDraw.seeded($0)) } ?? [:]
        if isn != nil, lesson.fresh != .random,
            let host = HostID.allCases.first(where: { lesson.isn[$0]?.isClock == true })
        {
            throw ValidationError(
                "\(host)'s ISN in this lesson is a clock, and its narration computes from that clock (fresh: \(lesson.fresh.rawValue)): use --seed, which boots the clock at another moment, instead of --isn"
            )
        }
        if let isn { sources.merge(isn.mapValues { .fixed($0.rawValue) }) { $1 } }
        return sources
    }
}
