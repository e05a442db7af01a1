"""Question answering: a Chinese question and the store in, a cited Chinese answer out.

normalize/lexicon/partial/segment/understand read the question into a typed Frame; kinds/ propose
scored readings; queries/facts/index read typed figures from the store; execute computes, honour
checks, answer holds the result; service.py is the one way in for every shell.
"""
