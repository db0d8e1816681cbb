@invented
Feature: When privileges begin and end, as the case file records it
  Privileges begin when a diplomat enters the receiving State to take up his post or, if he
  is already there, when his appointment is notified (VCDR art. 39(1)). When his functions end
  they cease when he leaves, or when a reasonable period to leave expires, whichever comes
  first (art. 39(2)). The engine cannot judge what period is reasonable, so until a departure
  is reported it answers "unknown"; but where the case file records the period the receiving
  State allowed, or the day it ran out, that settles it. A break of diplomatic relations or the
  closing of the mission does not by itself end a member's immunity before he leaves
  (art. 39(2)), and the receiving State must still respect the premises (art. 45(a)).

  In these scenarios "the answer" means the answer to the claim stated in the step just before.

  @vcdr-39-2
  Scenario: Without a departure or a recorded period, whether the Counsellor is still protected is unknown
    Given the invented embassy case
    When we ask what applied on 1 October 2024
    Then whether the Counsellor is inviolable in Ireland is unknown
    And the answer says it needs "whether a reasonable period to leave had expired"

  @vcdr-39-2
  Scenario: A recorded end of the period to leave settles it: protected before, not after
    Given the invented embassy case
    But suppose the case file recorded postings.almeida-dublin.leave_period_ended as 2024-09-15
    When we ask what applied on 10 September 2024
    Then the Counsellor is inviolable in Ireland
    When we ask what applied on 1 October 2024
    Then the Counsellor is not inviolable in Ireland
    And the answer explains: "The reasonable period for Luis Almeida to leave Ireland expired (15 September 2024)"
    And the answer cites VCDR art. 39(2)

  @vcdr-39-1
  Scenario: Already in Ireland when appointed, the new Second Secretary is protected from the notification
    Given the invented embassy case
    But suppose the case file recorded postings.rocha-dublin.already_in_territory as true
    And suppose the case file recorded postings.rocha-dublin.arrived as null
    And suppose the case file recorded postings.rocha-dublin.notified as 2024-09-02
    When we ask what applied on 1 September 2024
    Then the new Second Secretary is not inviolable in Ireland
    When we ask what applied on 10 September 2024
    Then the new Second Secretary is inviolable in Ireland
    And the answer cites VCDR art. 39(1)

  @vcdr-39-2 @vcdr-45-a
  Scenario: Closing the embassy does not end the Ambassador's immunity while she is still there
    Given the invented embassy case
    But suppose the case file recorded missions.prt-embassy-dublin.closed as 2024-03-01
    When we ask what applied on 1 April 2024
    Then the Ambassador is inviolable in Ireland
    And the premises of the Portuguese embassy in Dublin are inviolable
    And the answer cites VCDR art. 45(a)

  @vccr-53-3
  Scenario: A consular officer's privileges end when the period to leave runs out, if that comes before he leaves
    Consular privileges cease when the member leaves, or when a reasonable period to leave
    expires, "whichever is the sooner" (VCCR art. 53(3)).
    Given the invented consulate case
    But suppose the case file recorded postings.quispe-sydney.functions_ended as 2024-05-31
    And suppose the case file recorded postings.quispe-sydney.leave_period_ended as 2024-06-30
    When we ask what applied on 15 June 2024
    Then the Consul-General is inviolable in Australia
    When we ask what applied on 15 July 2024
    Then the Consul-General is not inviolable in Australia
    And the answer explains: "expired (30 June 2024)"
    And the answer cites VCCR art. 53(3)

  @vcdr-39-1
  Scenario: Before he arrives to take up his post, a diplomat has no immunity for what he does
    Given the invented embassy case
    But suppose the case file recorded postings.rocha-dublin.arrived as 2024-09-20
    And suppose the case file recorded acts.bar-assault.person as rocha
    And suppose the case file recorded acts.bar-assault.when as 2024-09-10
    When we ask what applied on 15 September 2024
    Then the new Second Secretary is not immune from Ireland's criminal jurisdiction for the bar assault
    And the answer explains: "no immunity from Ireland's jurisdiction had begun"
    And the answer cites VCDR art. 39(1)
    When we ask what applied on 25 September 2024
    Then the new Second Secretary is immune from Ireland's criminal jurisdiction for the bar assault
