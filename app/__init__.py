"""Loadline: pain-guided rehabilitation for proximal hamstring tendinopathy."""
