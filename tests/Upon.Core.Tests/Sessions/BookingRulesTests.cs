using NodaTime.Testing;
using Upon.Core.Sessions;

namespace Upon.Core.Tests.Sessions;

/// <summary>The booking rules: when a session is open, capacity, the waiting list's order, promotion and apologies.</summary>
public class BookingRulesTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 20, 14, 0);

    private sealed record Waiting(string Name, long Queue);

    [Fact]
    public void Book_BeforeTheSessionStarts_IsOpen()
    {
        var clock = new FakeClock(Start - Duration.FromSeconds(1));
        Assert.Null(BookingWindowRule.WhyClosed(SessionStatus.Scheduled, Start, clock));
        Assert.Null(BookingWindowRule.WhyClosed(SessionStatus.MovedOnline, Start, clock));
        Assert.Null(BookingWindowRule.WhyClosed(SessionStatus.Postponed, Start, clock));
    }

    [Fact]
    public void Book_FromTheStart_IsRefused()
    {
        var clock = new FakeClock(Start);
        Assert.Equal(BookingWindowRule.Started, BookingWindowRule.WhyClosed(SessionStatus.Scheduled, Start, clock));
        clock.Advance(Duration.FromDays(30));
        Assert.Equal(BookingWindowRule.Started, BookingWindowRule.WhyClosed(SessionStatus.Scheduled, Start, clock));
    }

    [Fact]
    public void Book_ACancelledSession_IsRefused_BeforeOrAfterItsStart()
    {
        Assert.Equal(BookingWindowRule.Cancelled, BookingWindowRule.WhyClosed(SessionStatus.Cancelled, Start, new FakeClock(Start - Duration.FromDays(7))));
        Assert.Equal(BookingWindowRule.Cancelled, BookingWindowRule.WhyClosed(SessionStatus.Cancelled, Start, new FakeClock(Start + Duration.FromDays(7))));
    }

    [Theory]
    [InlineData(0, 20, BookingStatus.Booked)]
    [InlineData(19, 20, BookingStatus.Booked)]
    [InlineData(20, 20, BookingStatus.Waitlisted)]
    [InlineData(25, 20, BookingStatus.Waitlisted)]
    [InlineData(0, 0, BookingStatus.Waitlisted)]
    public void Request_IsBookedWhileASeatIsFree_ThenWaitlisted(int booked, int capacity, BookingStatus expected) =>
        Assert.Equal(expected, CapacityRule.StatusForRequest(booked, capacity));

    [Fact]
    public void FreeSeats_WhenCapacityWasLoweredBelowTheSeatsTaken_IsZero()
    {
        Assert.Equal(3, CapacityRule.FreeSeats(booked: 17, capacity: 20));
        Assert.Equal(0, CapacityRule.FreeSeats(booked: 20, capacity: 15));
    }

    [Fact]
    public void Queue_NumbersRunOnFromTheHighestGiven()
    {
        Assert.Equal(1, WaitingListOrder.NextQueueNumber(null));
        Assert.Equal(8, WaitingListOrder.NextQueueNumber(7));
    }

    [Fact]
    public void Position_CountsFromOne_AfterThoseWaitingAhead()
    {
        Assert.Equal(1, WaitingListOrder.Position(0));
        Assert.Equal(5, WaitingListOrder.Position(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => WaitingListOrder.Position(-1));
    }

    [Fact]
    public void Promote_WhenASeatFrees_GivesItToTheLongestWaiting()
    {
        Waiting[] waiting = [new("Cy", 9), new("Ash", 4), new("Bo", 6)];

        var promoted = PromotionRule.WhoIsPromoted(SessionStatus.Scheduled, booked: 19, capacity: 20, waiting, w => w.Queue);

        Assert.Equal(["Ash"], promoted.Select(w => w.Name));
    }

    [Fact]
    public void Promote_WhenCapacityRises_FillsEveryFreeSeatInQueueOrder()
    {
        Waiting[] waiting = [new("Cy", 9), new("Ash", 4), new("Bo", 6)];

        Assert.Equal(["Ash", "Bo"], PromotionRule.WhoIsPromoted(SessionStatus.Scheduled, 18, 20, waiting, w => w.Queue).Select(w => w.Name));
        Assert.Equal(["Ash", "Bo", "Cy"], PromotionRule.WhoIsPromoted(SessionStatus.MovedOnline, 0, 20, waiting, w => w.Queue).Select(w => w.Name));
    }

    [Fact]
    public void Promote_WhenNoSeatIsFree_OrTheSessionIsCancelled_PromotesNobody()
    {
        Waiting[] waiting = [new("Ash", 4)];

        Assert.Empty(PromotionRule.WhoIsPromoted(SessionStatus.Scheduled, 20, 20, waiting, w => w.Queue));
        Assert.Empty(PromotionRule.WhoIsPromoted(SessionStatus.Scheduled, 22, 20, waiting, w => w.Queue));
        Assert.Empty(PromotionRule.WhoIsPromoted(SessionStatus.Cancelled, 0, 20, waiting, w => w.Queue));
    }

    [Fact]
    public void SendApologies_BeforeTheSessionStarts_IsAllowed()
    {
        var clock = new FakeClock(Start - Duration.FromDays(3));
        Assert.Null(ApologiesRule.WhyRefused(Start, clock));
        clock.Advance(Duration.FromDays(3) - Duration.FromSeconds(1));
        Assert.Null(ApologiesRule.WhyRefused(Start, clock));
    }

    [Fact]
    public void SendApologies_AfterTheSessionStarted_IsRefused()
    {
        var clock = new FakeClock(Start);
        Assert.Equal(ApologiesRule.Started, ApologiesRule.WhyRefused(Start, clock));
        clock.Advance(Duration.FromHours(3));
        Assert.Equal(ApologiesRule.Started, ApologiesRule.WhyRefused(Start, clock));
    }
}
