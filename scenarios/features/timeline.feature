@kim @command @timeline
Feature: Timeline: the case replayed over time
  `immunity timeline` asks the engine the same questions on every day where the answer
  could change: the day before each dated fact, the first day of its window and the last
  (a month or a year is a window of days, since the reports rarely give the day). Between
  two of those days nothing in the case file moves, so every answer is constant; the
  timeline shows, for each answer, its periods and the event that opened each period.

  It prints a table in the terminal; `--json` gives the periods for a program to read, and
  `--svg FILE` saves the table as a picture.

  Background:
    Given the Kim case as the reports tell it

  @vcdr-39-2
  Scenario: Kim's criminal immunity held while he was in post, was uncertain in February 2018, and lapsed
    When we replay the case over time
    Then Kim's immunity from New Zealand's criminal jurisdiction went from yes to uncertain to no
    And it was uncertain only within February 2018, the month the reports give for his departure
    And the period of uncertainty was opened by "Hongkon Kim leaves New Zealand, February 2018"
    And it has been no ever since the end of February 2018
    And the days the engine was asked include 31 January 2018, 1 February 2018 and 28 February 2018

  @vcdr-22-1 @vcdr-24
  Scenario: The embassy's inviolability never changed, whatever happened to Kim
    When we replay the case over time
    Then the inviolability of the premises of the Korean embassy in Wellington was yes throughout, with no change
    And the inviolability of the archives of the Korean embassy in Wellington was yes throughout, with no change

  @vcdr-39-2
  Scenario: The table in the terminal shows the same periods
    When we print the timeline of Kim's immunity from New Zealand's criminal jurisdiction as a table
    Then the table shows the period "2018-02-01 to 2018-02-27: UNCERTAIN"
    And the table shows the period "from 2018-02-28: NO"
    And the table names the event "Hongkon Kim leaves New Zealand, February 2018"

  Scenario: The timeline can be saved as a picture
    When we save the timeline as a picture
    Then the picture renders as a PNG image at least 1000 pixels wide and 1000 pixels high
