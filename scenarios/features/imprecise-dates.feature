@invented
Feature: An imprecise date: answer from every possibility in its window
  Reports often date an event only to a month or a year. On a day inside that window the
  event may or may not have happened yet. The engine does not guess: it tries both, and every
  combination when several dates are imprecise, and runs the rules on each. Where every
  possibility gives the same answer, that is the answer, with a note that the exact day does
  not change it. Only answers that really differ across the window are "uncertain", with the
  window and the fact that would settle them.

  In these scenarios "the answer" means the answer to the claim stated in the step just before.

  @vcdr-31-1 @vcdr-32-2
  Scenario: A reply that was no express waiver bars a trial whichever day of the month it came
    Given the invented embassy case
    But suppose the case file recorded requests.costa-waiver.response.date as 2024-04
    And suppose the case file recorded requests.costa-waiver.response.express as false
    When we ask what applied on 10 April 2024
    Then Ireland's courts may not try the bar assault
    And the answer explains: "Whichever day of April 2024 it was, the answer is the same."
    And the answer cites VCDR art. 31(1)

  @vcdr-32-1 @vcdr-32-2
  Scenario: An express waiver given some day in April 2024 leaves a day inside April uncertain
    Given the invented embassy case
    But suppose the case file recorded requests.costa-waiver.response.date as 2024-04
    And suppose the case file recorded requests.costa-waiver.response.express as true
    When we ask what applied on 10 April 2024
    Then whether Ireland's waiver request produced a valid waiver of immunity is uncertain
    And the uncertainty runs from 1 April 2024 to 30 April 2024
    And whether Ireland's courts may try the bar assault is uncertain
